import { FILTER_GROUPS, type FilterGroup, type FilterOption } from '../../src/lib/filters';
import type { Params } from './http';
import { meets, type LngLat, type Program, type Selection } from './oracle';
import { Random } from './random';

// Random searches for the oracle test, drawn from a fixed seed so that a failure reproduces.
// Centres are mostly near real programs (where results are dense) and some anywhere in the US
// (ocean, desert, Alaska); filters lean on the anchor program's own codes so that most searches
// match something, and some options are forced in because they are easy to get wrong: "all
// three medications" (every code needed) and the American Indian languages (several codes).

export interface SearchCase {
	label: string;
	center?: LngLat;
	/** Searched with near=<ZIP> instead of lat/lng: the centre is the place the API reports. */
	zip?: string;
	radius?: number;
	selection: Selection;
	limit: number;
}

export const RADII = [5, 10, 25, 50, 100, 250] as const;

// Boxes to draw "anywhere in the US" from, with weights: the lower 48, Alaska, Hawaii, Puerto Rico.
const REGIONS = [
	{ weight: 0.8, lat: [24.5, 49.4], lng: [-124.8, -66.9] },
	{ weight: 0.08, lat: [55, 71], lng: [-165, -140] },
	{ weight: 0.06, lat: [18.9, 22.3], lng: [-160.5, -154.8] },
	{ weight: 0.06, lat: [17.9, 18.5], lng: [-67.3, -65.6] }
] as const;

function randomUsPoint(random: Random): LngLat {
	let r = random.next();
	const region = REGIONS.find((g) => (r -= g.weight) < 0) ?? REGIONS[0];
	const [south, north] = region.lat;
	const [west, east] = region.lng;
	return { lat: random.between(south, north), lng: random.between(west, east) };
}

const wrap = (lng: number) => (lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng);

/** Exactly on the program, or somewhere within 60% of the radius of it (so it is a result). */
function nearProgram(random: Random, program: Program, radiusMiles: number): LngLat {
	if (random.next() < 0.15) return { lat: program.lat, lng: program.lng };
	const miles = random.between(0, Math.min(0.6 * radiusMiles, 25));
	const bearing = random.between(0, 2 * Math.PI);
	const lat = program.lat + (miles * Math.cos(bearing)) / 69;
	const lng = program.lng + (miles * Math.sin(bearing)) / (69 * Math.cos((lat * Math.PI) / 180));
	return { lat: Math.max(-90, Math.min(90, lat)), lng: wrap(lng) };
}

const optionMatches = (option: FilterOption, services: ReadonlySet<string>) =>
	meets(services, option);

function randomSelection(random: Random, anchor: Program | undefined): Selection {
	const r = random.next();
	const groupCount = r < 0.15 ? 0 : r < 0.5 ? 1 : r < 0.8 ? 2 : r < 0.92 ? 3 : 4;
	const heldBy = (group: FilterGroup) =>
		anchor ? group.options.filter((o) => optionMatches(o, anchor.services)) : [];
	// Mostly groups and options the anchor meets, so that the search finds something near it.
	const groups = FILTER_GROUPS.filter((g) => heldBy(g).length > 0);
	const selection: Selection = {};
	const from = groups.length >= groupCount && random.next() < 0.85 ? groups : FILTER_GROUPS;
	for (const group of random.sample(from, groupCount)) {
		const held = heldBy(group);
		const pool = held.length && random.next() < 0.85 ? held : group.options;
		// The scope takes one value; other groups one to three.
		const count = group.single ? 1 : random.int(1, 3);
		selection[group.key] = random.sample(pool, count).map((o) => o.value);
	}
	return selection;
}

function force(selection: Selection, key: string, value: string): void {
	const values = (selection[key] ??= []);
	if (!values.includes(value)) values.push(value);
}

export function drawCases(directory: readonly Program[], seed: number): SearchCase[] {
	const random = new Random(seed);
	const cases: SearchCase[] = [];
	const limit = () => (random.next() < 0.2 ? random.int(7, 60) : 100);

	const holding = (key: string, value: string) => {
		const option = FILTER_GROUPS.find((g) => g.key === key)!.options.find(
			(o) => o.value === value
		)!;
		return directory.filter((p) => optionMatches(option, p.services));
	};
	const forced = (i: number): [string, string] | undefined =>
		i % 7 === 0
			? ['medication', 'all-three']
			: i % 11 === 5
				? ['language', 'american-indian']
				: undefined;

	for (let i = 0; i < 80; i++) {
		const must = forced(i);
		const anchor = i % 4 === 3 ? undefined : random.pick(must ? holding(...must) : directory);
		const radius = random.pick(RADII);
		const center = anchor ? nearProgram(random, anchor, radius) : randomUsPoint(random);
		const selection = randomSelection(random, anchor);
		if (must) force(selection, ...must);
		cases.push({ label: `radius #${i}`, center, radius, selection, limit: limit() });
	}

	// Across the antimeridian from the western Aleutians, and on the Guam/Saipan side of it.
	cases.push({
		label: 'antimeridian',
		center: { lat: 52, lng: 179.9 },
		radius: 250,
		selection: {},
		limit: 100
	});
	cases.push({
		label: 'guam',
		center: { lat: 13.45, lng: 144.78 },
		radius: 250,
		selection: {},
		limit: 100
	});

	// Programs placed at their ZIP's centre: the resolver knows those ZIPs.
	const zipPlaced = directory.filter((p) => p.precision === 'zip');
	for (let i = 0; i < 8; i++) {
		const anchor = random.pick(zipPlaced);
		cases.push({
			label: `near ZIP #${i}`,
			zip: anchor.zip,
			radius: random.pick(RADII),
			selection: randomSelection(random, anchor),
			limit: 100
		});
	}

	cases.push({ label: 'national, no filter', selection: {}, limit: 100 });
	for (let i = 0; i < 7; i++) {
		const selection = randomSelection(random, random.pick(directory));
		if (Object.keys(selection).length === 0) force(selection, 'medication', 'methadone');
		if (i === 0) force(selection, 'medication', 'all-three');
		cases.push({ label: `national #${i}`, selection, limit: 100 });
	}
	return cases;
}

/** The case's query parameters, without paging. */
export function searchParams(c: SearchCase): Params {
	const params: [string, string][] = [];
	if (c.center) params.push(['lat', degrees(c.center.lat)], ['lng', degrees(c.center.lng)]);
	if (c.zip) params.push(['near', c.zip]);
	if (c.radius !== undefined) params.push(['radius', String(c.radius)]);
	for (const [key, values] of Object.entries(c.selection)) {
		for (const value of values) params.push([key, value]);
	}
	return params;
}

/** Degrees as the API accepts them (at most 12 decimals); the oracle uses the same number. */
export function degrees(value: number): string {
	const text = String(value);
	return /^-?\d{1,3}(\.\d{1,12})?$/.test(text) ? text : value.toFixed(9);
}

/** The centre the API is asked for, as it will parse it. */
export function sentCenter(center: LngLat): LngLat {
	return { lat: Number(degrees(center.lat)), lng: Number(degrees(center.lng)) };
}

export function describeSelection(selection: Selection): string {
	const parts = Object.entries(selection).map(([k, v]) => `${k}=${v.join('|')}`);
	return parts.length ? parts.join(' ') : 'no filter';
}
