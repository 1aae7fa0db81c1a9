import { milesBetween, type LngLat } from '$lib/map/geo';
import type { PinInfo } from '$lib/map/features';
import type { Medication } from '$lib/filters';
import type { MedicationSummary } from '$lib/medication';
import type { ResultItem } from '$lib/server/search';
import { snapshotOf } from '$lib/shortlist/snapshot';
import { displayName } from '$lib/display-name';

// What a popup says about a program. The map's GeoJSON carries no names (it is the whole
// country), so a program that is not on the page of the list showing is asked for by id.

interface Detail {
	id: string;
	name: string;
	name2: string | null;
	street1: string | null;
	street2: string | null;
	city: string;
	state: string;
	zip: string;
	phone: string | null;
	intakePhones: string[];
	lat: number;
	lng: number;
	precision: string;
	medications: Medication[];
	medication: MedicationSummary;
}

function named(p: { name: string; name2: string | null }) {
	const { title, subtitle } = displayName(p);
	return { name: title, subtitle };
}

export const programInfo = {
	fromItem(item: ResultItem, from: string | null): PinInfo {
		return {
			snapshot: snapshotOf(item, from),
			id: item.id,
			...named(item),
			distanceMiles: item.distanceMiles,
			medications: item.medications,
			medication: item.medication,
			phone: item.phone,
			approx: item.precision === 'zip',
			listed: true
		};
	},

	async fetch(id: string, center: LngLat | null, from: string | null): Promise<PinInfo | null> {
		try {
			const response = await fetch(`/api/facilities/${encodeURIComponent(id)}`);
			if (!response.ok) return null;
			const d = (await response.json()) as Detail;
			const miles = center ? milesBetween(center, d) : null;
			const distanceMiles = miles === null ? null : Math.round(miles * 10) / 10;
			return {
				snapshot: snapshotOf({ ...d, distanceMiles }, from),
				id: d.id,
				...named(d),
				distanceMiles,
				medications: d.medications,
				medication: d.medication,
				phone: d.phone,
				approx: d.precision === 'zip',
				listed: false
			};
		} catch {
			return null;
		}
	}
};
