import {
	filterGroup,
	filterOption,
	medicationsOf,
	optionMatches,
	selectedGroups,
	type FilterKey,
	type SelectedGroup,
	type Medication
} from '../filters';
import { KIND_CODES } from '../map/kind';
import { summarize, type MedicationSummary } from '../medication';
import { displayNameLine } from '../display-name';
import * as facilities from './db/facilities';
import { facetCounts } from './facet-index';
import type { LocationPrecision } from './db/schema';
import { resolvePlace, type Place, type Resolution } from './places/index';
import { dataVersion } from './data-version';
import { recentStore } from './recent-searches';
import type { SearchParams } from './validate/search';

export interface MatchedCriterion {
	key: FilterKey;
	value: string;
	label: string;
}

export interface ResultItem {
	id: string;
	name: string;
	name2: string | null;
	/** name and name2 as one line (display-name.ts). */
	displayName: string;
	street1: string;
	street2: string | null;
	city: string;
	state: string;
	zip: string;
	phone: string | null;
	lat: number;
	lng: number;
	precision: LocationPrecision;
	distanceMiles: number | null;
	/** The chosen filter options this program meets: why it is in the results. */
	matched: MatchedCriterion[];
	medications: Medication[];
	/** What the codes say about each medication, the pin's kind and any contradiction. */
	medication: MedicationSummary;
}

export type PlaceProblem = Exclude<Resolution, { status: 'found' }>;

export type SearchOutcome =
	| {
			status: 'ok';
			place: Place | null;
			radius: number;
			total: number;
			items: ResultItem[];
			/**
			 * When fewer than BEYOND_BELOW programs match within the radius: the nearest matches
			 * outside it, nearest first (on the first page only; empty otherwise).
			 */
			beyond: ResultItem[];
			/** With `beyond`: programs in the place's state that meet the search by telehealth. */
			telehealth: { state: string; total: number; items: ResultItem[] } | null;
			/** Counts keyed "group:value"; null where they would not be cheap. */
			facets: Record<string, number> | null;
	  }
	| { status: 'place'; problem: PlaceProblem };

/** Where the search is centered: a resolved place, none (national), or a problem to show. */
export async function locate(
	params: Pick<SearchParams, 'near' | 'lat' | 'lng'>
): Promise<{ place: Place | null } | { problem: PlaceProblem }> {
	if (params.lat !== undefined && params.lng !== undefined) {
		const label = `${params.lat.toFixed(5)}, ${params.lng.toFixed(5)}`;
		return { place: { label, lat: params.lat, lng: params.lng, kind: 'coordinates' } };
	}
	if (!params.near) return { place: null };
	const resolution = await resolvePlace(params.near);
	return resolution.status === 'found' ? { place: resolution.place } : { problem: resolution };
}

const recent = recentStore<SearchOutcome>(dataVersion);

/** Telehealth as a group of its own, added to a search's groups (an extra all-of condition). */
const TELEHEALTH: SelectedGroup = {
	group: filterGroup('setting')!,
	options: [filterOption('setting', 'telehealth')!]
};

/** A search that finds fewer programs than this within its radius goes on beyond it. */
export const BEYOND_BELOW = 5;

/** One canonical text per distinct search: filters and their values in a fixed order. */
export function searchKey(params: SearchParams, withFacets: boolean): string {
	const filters = Object.entries(params.filters)
		.filter(([, values]) => values && values.length > 0)
		.map(([key, values]) => [key, [...new Set(values)].sort()] as const)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const { near, lat, lng, radius, limit, offset } = params;
	return JSON.stringify([near, lat, lng, radius, limit, offset, withFacets, filters]);
}

/**
 * A page of results with its total (and facet counts for the search page), or the problem with
 * the place. A repeat of a recent search is answered from memory (recent-searches.ts).
 */
export function runSearch(
	params: SearchParams,
	{ withFacets = false }: { withFacets?: boolean } = {}
): Promise<SearchOutcome> {
	return recent.get(searchKey(params, withFacets), () => search(params, withFacets));
}

async function search(params: SearchParams, withFacets: boolean): Promise<SearchOutcome> {
	const located = await locate(params);
	if ('problem' in located) return { status: 'place', problem: located.problem };
	const { place } = located;
	const groups = selectedGroups(params.filters);
	const query = {
		center: place ? { lng: place.lng, lat: place.lat } : undefined,
		radiusMiles: params.radius,
		groups
	};
	const [{ items, total }, facets] = await Promise.all([
		facilities.search({ ...query, limit: params.limit, offset: params.offset }),
		withFacets ? facetCounts(query, groups) : Promise.resolve(null)
	]);
	const few = query.center !== undefined && params.offset === 0 && total < BEYOND_BELOW;
	const [beyond, telehealth] = await Promise.all([
		few ? facilities.searchBeyond(query, query.center!, BEYOND_BELOW - total) : [],
		few && place?.state
			? facilities
					.inState([...groups, TELEHEALTH], query.center!, place.state, 3)
					.then((t) => ({ ...t, state: place.state! }))
			: null
	]);
	const toItem = (row: facilities.SearchRow): ResultItem => {
		const { codes, locationPrecision, ...rest } = row;
		return {
			...rest,
			displayName: displayNameLine(rest),
			precision: locationPrecision,
			distanceMiles: rest.distanceMiles === null ? null : Math.round(rest.distanceMiles * 10) / 10,
			// The scope is a level, not a reason: "why it matched" names the filters chosen.
			matched: groups.flatMap(({ group, options }) =>
				(group.single ? [] : options)
					.filter((o) => optionMatches(o, codes))
					.map((o) => ({ key: group.key, value: o.value, label: o.label }))
			),
			medications: medicationsOf(codes),
			medication: summarize(codes)
		};
	};
	return {
		status: 'ok',
		place,
		radius: params.radius,
		total,
		facets,
		items: items.map(toItem),
		beyond: beyond.map(toItem),
		telehealth: telehealth && { ...telehealth, items: telehealth.items.map(toItem) }
	};
}

/** Codes the map colors points by. */
export const MAP_CODES: readonly string[] = KIND_CODES;
