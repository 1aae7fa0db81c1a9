import { milesBetween, type LngLat } from '$lib/map/geo';
import type { PinInfo } from '$lib/map/features';
import type { Medication } from '$lib/filters';
import type { ResultItem } from '$lib/server/search';

// What a popup says about a program. The map's GeoJSON carries no names (it is the whole
// country), so a program that is not on the page of the list showing is asked for by id.

interface Detail {
	id: string;
	name: string;
	phone: string | null;
	lat: number;
	lng: number;
	precision: string;
	medications: Medication[];
}

export const programInfo = {
	fromItem(item: ResultItem): PinInfo {
		return {
			id: item.id,
			name: item.name,
			distanceMiles: item.distanceMiles,
			medications: item.medications,
			phone: item.phone,
			approx: item.precision === 'zip',
			listed: true
		};
	},

	async fetch(id: string, center: LngLat | null): Promise<PinInfo | null> {
		try {
			const response = await fetch(`/api/facilities/${encodeURIComponent(id)}`);
			if (!response.ok) return null;
			const d = (await response.json()) as Detail;
			const miles = center ? milesBetween(center, d) : null;
			return {
				id: d.id,
				name: d.name,
				distanceMiles: miles === null ? null : Math.round(miles * 10) / 10,
				medications: d.medications,
				phone: d.phone,
				approx: d.precision === 'zip',
				listed: false
			};
		} catch {
			return null;
		}
	}
};
