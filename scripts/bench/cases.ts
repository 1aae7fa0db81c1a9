// The searches the bench times, and the places it centers them on.
import {
	selectedGroups,
	withDefaults,
	type FilterSelection,
	type SelectedGroup
} from '../../src/lib/filters';
import type { SeedProgram } from './seeds';

export interface SearchCase {
	key: string;
	/** Searches the issue asks for; the others are extra context. */
	required: boolean;
	/** Miles around a center; null for a search without a place. */
	radiusMiles: number | null;
	groups: SelectedGroup[];
}

const twoFilters: FilterSelection = { medication: ['buprenorphine'], payment: ['medicaid'] };
const fourFilters: FilterSelection = {
	...twoFilters,
	setting: ['outpatient'],
	language: ['spanish']
};

// As the API reads them: with the default scope (programs offering a medication) filled in.
const groups = (selection: FilterSelection) => selectedGroups(withDefaults(selection));

export const CASES: SearchCase[] = [
	{ key: '25mi+2f', required: true, radiusMiles: 25, groups: groups(twoFilters) },
	{ key: '100mi+4f', required: true, radiusMiles: 100, groups: groups(fourFilters) },
	{ key: 'national', required: true, radiusMiles: null, groups: groups({}) },
	{ key: 'national+2f', required: false, radiusMiles: null, groups: groups(twoFilters) }
];

/** The page size of the API and the search page. */
export const PAGE = { limit: 20, offset: 0 };

export interface Center {
	id: string;
	city: string;
	state: string;
	lng: number;
	lat: number;
}

/**
 * Real program locations in `count` different states, chosen by a seeded generator: picking
 * programs (not states) at random weights the choice by where programs are, as searches are.
 */
export function pickCenters(programs: readonly SeedProgram[], count = 8, seed = 2026): Center[] {
	const random = mulberry32(seed);
	const byState = new Map<string, Center>();
	for (let tries = 0; byState.size < count && tries < 10_000; tries++) {
		const p = programs[Math.floor(random() * programs.length)]!;
		if (!byState.has(p.state)) byState.set(p.state, pick(p));
	}
	return [...byState.values()];
}

const pick = ({ id, city, state, lng, lat }: SeedProgram): Center => ({
	id,
	city,
	state,
	lng,
	lat
});

/** A small seeded PRNG (public-domain mulberry32): the same centers on every run. */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
