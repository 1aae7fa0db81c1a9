import {
	CONTRADICTION_CODES,
	FILTER_ALIASES,
	FILTER_GROUPS,
	MOUD_CODES,
	codesOfOption,
	type FilterGroup,
	type FilterKey,
	type FilterOption
} from '../filters';
import * as facilities from './db/facilities';
import * as serviceCodes from './db/service-codes';
import { facetCounts } from './facet-index';
import { nationalCounts } from './offered-options';

// What the page "How this app reads SAMHSA's data" prints: every option's definition in codes,
// what the dictionary calls each code, how many programs meet it nationally, and how many of
// those have a listing that contradicts itself (NOOP/NMOA beside a medication).

export interface CodeName {
	code: string;
	name: string;
}

export interface OptionReading {
	value: string;
	label: string;
	help?: string;
	any: CodeName[];
	all: CodeName[];
	none: CodeName[];
	programs: number;
	contradictory: number;
	offered: boolean;
}

export interface GroupReading {
	key: string;
	label: string;
	options: OptionReading[];
}

/** Lists a medication and says it does not treat opioid use disorder, or use medication for it. */
// A group of its own for the facet count: with a key no real group has, a program counts for an
// option only when it also meets this group.
const CONTRADICTION: FilterGroup = {
	key: 'contradiction' as FilterKey,
	label: 'contradiction',
	options: [
		{ value: 'noop', label: 'NOOP', codes: MOUD_CODES, all: ['NOOP'] },
		{ value: 'nmoa', label: 'NMOA', codes: MOUD_CODES, all: ['NMOA'] }
	]
};

export async function readingOfData(): Promise<{
	groups: GroupReading[];
	aliases: { from: string; to: string }[];
	contradictions: { code: string; name: string; programs: number }[];
}> {
	const codes = [
		...new Set([
			...FILTER_GROUPS.flatMap((g) => g.options.flatMap(codesOfOption)),
			...CONTRADICTION_CODES
		])
	];
	const [dictionary, counts, contradictory, ...perCode] = await Promise.all([
		serviceCodes.describe(codes),
		nationalCounts(),
		facetCounts({ radiusMiles: 0, groups: [] }, [
			{ group: CONTRADICTION, options: [...CONTRADICTION.options] }
		]),
		...CONTRADICTION_CODES.map((code) => facilities.countWith([code], MOUD_CODES))
	]);
	const names = new Map(dictionary.map((d) => [d.code, d.name]));
	const named = (list: readonly string[] | undefined) =>
		(list ?? []).map((code) => ({ code, name: names.get(code) ?? 'not in the dictionary' }));
	const read = (group: FilterGroup, o: FilterOption): OptionReading => {
		const key = `${group.key}:${o.value}`;
		return {
			value: o.value,
			label: o.label,
			...(o.help ? { help: o.help } : {}),
			any: named(o.codes),
			all: named(o.all),
			none: named(o.none),
			programs: counts[key] ?? 0,
			contradictory: contradictory[key] ?? 0,
			offered: (counts[key] ?? 0) > 0
		};
	};
	return {
		groups: FILTER_GROUPS.map((g) => ({
			key: g.key,
			label: g.label,
			options: g.options.map((o) => read(g, o))
		})),
		aliases: Object.entries(FILTER_ALIASES).map(([from, [key, value]]) => ({
			from,
			to: `${key}=${value}`
		})),
		contradictions: CONTRADICTION_CODES.map((code, i) => ({
			code,
			name: names.get(code) ?? code,
			programs: perCode[i] ?? 0
		}))
	};
}
