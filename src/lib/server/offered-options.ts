import { FILTER_GROUPS, type FilterGroup } from '../filters';
import { dataVersion } from './data-version';
import { facetCounts } from './facet-index';

// An option no program in the loaded directory meets would show "(0)" everywhere, which reads as
// "no program here offers it". Which options can match is read from the data (each import), not
// kept by hand, so a newer directory that has a code brings its option back.

let kept: { version: number; counts: Promise<Record<string, number>> } | undefined;

/** Programs meeting each option nationwide, keyed "group:value", with no other filter. */
export async function nationalCounts(): Promise<Record<string, number>> {
	const version = await dataVersion();
	if (kept?.version !== version) {
		const counts = facetCounts({ radiusMiles: 0, groups: [] }, []);
		kept = { version, counts };
		counts.catch(() => {
			if (kept?.counts === counts) kept = undefined;
		});
	}
	return kept.counts;
}

/** The filter groups with only the options some program meets; groups left empty are dropped. */
export async function offeredGroups(): Promise<FilterGroup[]> {
	const counts = await nationalCounts();
	return FILTER_GROUPS.map((group) => ({
		...group,
		options: group.options.filter((o) => (counts[`${group.key}:${o.value}`] ?? 0) > 0)
	})).filter((group) => group.options.length > 0);
}

/** The offered options as "group:value" keys: what a page needs to pick them from FILTER_GROUPS. */
export async function offeredKeys(): Promise<string[]> {
	const counts = await nationalCounts();
	return Object.keys(counts).filter((key) => counts[key]! > 0);
}
