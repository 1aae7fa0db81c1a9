import type { LngLat } from '../db/postgis';
import { cityKey, houseNumber, nameKey, streetKey } from './address-key';
import type { CoordinateRecord, FacilityRecord } from './types';

/** How an address match was made, from the most to the least direct. */
export type MatchRule = 'street+zip' | 'street+city' | 'name+zip+number';

export interface Match {
	point: LngLat;
	list: string;
	rule: MatchRule;
}

type Index = Map<string, CoordinateRecord[]>;

/**
 * Looks up facility addresses in the geocoded lists. Every rule asks for the same street address:
 * a name alone never places a facility.
 */
export class Geocoder {
	private readonly lists: string[] = [];
	private readonly byStreetZip: Index = new Map();
	private readonly byStreetCity: Index = new Map();
	private readonly byNameZip: Index = new Map();

	/** Lists added first are preferred when several place the same address. */
	constructor(points: Iterable<CoordinateRecord>) {
		for (const point of points) {
			if (!this.lists.includes(point.list)) this.lists.push(point.list);
			// A list may put a building name in street1 and the street address in street2.
			for (const street of [point.street1, point.street2]) {
				const key = streetKey(street);
				if (key === null) continue;
				add(this.byStreetZip, `${key}|${point.zip}`, point);
				add(this.byStreetCity, `${key}|${cityKey(point.city)}|${point.state}`, point);
			}
			add(this.byNameZip, `${nameKey(point.name)}|${point.zip}`, point);
		}
	}

	locate(facility: FacilityRecord): Match | null {
		const streets = [facility.street1, facility.street2 ?? '']
			.map(streetKey)
			.filter((key): key is string => key !== null);
		const name = nameKey(facility.name);

		const rules: [MatchRule, CoordinateRecord[]][] = [
			['street+zip', streets.flatMap((s) => this.byStreetZip.get(`${s}|${facility.zip}`) ?? [])],
			[
				// Same street address and city under another ZIP: lists differ on a site's ZIP when
				// one gives the mailing ZIP.
				'street+city',
				streets.flatMap(
					(s) => this.byStreetCity.get(`${s}|${cityKey(facility.city)}|${facility.state}`) ?? []
				)
			],
			[
				// Same program and ZIP, same house number, street spelled differently
				// ('100 Route 9' / '100 US Highway 9').
				'name+zip+number',
				sameHouseNumber(facility, this.byNameZip.get(`${name}|${facility.zip}`) ?? [])
			]
		];
		for (const [rule, candidates] of rules) {
			const best = this.pick(candidates, name);
			if (best) return { point: best.location, list: best.list, rule };
		}
		return null;
	}

	// Preferred list first; within a list, the candidate with the same program name, then the
	// earliest row, so the choice does not depend on anything but the lists.
	private pick(candidates: CoordinateRecord[], name: string): CoordinateRecord | undefined {
		let best: CoordinateRecord | undefined;
		let bestRank = Infinity;
		for (const c of candidates) {
			const rank = this.lists.indexOf(c.list) * 1e9 + (nameKey(c.name) === name ? 0 : 5e8) + c.line;
			if (rank < bestRank) [best, bestRank] = [c, rank];
		}
		return best;
	}
}

function add(index: Index, key: string, point: CoordinateRecord): void {
	const found = index.get(key);
	if (found) found.push(point);
	else index.set(key, [point]);
}

function sameHouseNumber(facility: FacilityRecord, candidates: CoordinateRecord[]) {
	const numbers = [facility.street1, facility.street2 ?? '']
		.map(houseNumber)
		.filter((n) => n !== null);
	if (numbers.length === 0) return [];
	return candidates.filter((c) => {
		const theirs = [houseNumber(c.street1), houseNumber(c.street2)];
		return numbers.some((n) => theirs.includes(n));
	});
}
