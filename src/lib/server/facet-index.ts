import {
	FILTER_CODES,
	FILTER_GROUPS,
	type FilterGroup,
	type FilterOption,
	type SelectedGroup
} from '../filters';
import { dataVersion } from './data-version';
import { asServer, db } from './db/index';
import * as facilities from './db/facilities';

// Facet counts ("Methadone (1,481)") need, for every option, a count over the search's base set.
// Done in SQL that is ~110 filtered counts over the matching rows: seconds nationwide on the
// embedded database. Instead each program's filterable codes are kept here as a small bitset
// (one bit per code the filters use), loaded once per import, and counted in a single pass.

const BIT = new Map(FILTER_CODES.map((code, i) => [code, i]));
const WORDS = Math.ceil(FILTER_CODES.length / 32);

type Mask = Uint32Array;

function maskOf(codes: readonly string[]): Mask {
	const mask = new Uint32Array(WORDS);
	for (const code of codes) {
		const bit = BIT.get(code);
		if (bit !== undefined) mask[bit >>> 5]! |= 1 << (bit & 31);
	}
	return mask;
}

interface CompiledOption {
	/** Position in EVERY_OPTION, the counts array. */
	ordinal: number;
	any: Mask | null;
	all: Mask | null;
	none: Mask | null;
}

interface CompiledGroup {
	key: string;
	options: CompiledOption[];
}

const EVERY_OPTION = FILTER_GROUPS.flatMap((g) => g.options.map((o) => `${g.key}:${o.value}`));
const ORDINAL = new Map(EVERY_OPTION.map((key, i) => [key, i]));

const maskOrNull = (codes: readonly string[] | undefined) => (codes?.length ? maskOf(codes) : null);

function compile(group: FilterGroup, options: readonly FilterOption[]): CompiledGroup {
	return {
		key: group.key,
		options: options.map((o) => ({
			ordinal: ORDINAL.get(`${group.key}:${o.value}`)!,
			any: maskOrNull(o.codes),
			all: maskOrNull(o.all),
			none: maskOrNull(o.none)
		}))
	};
}

const EVERY_GROUP = FILTER_GROUPS.map((g) => compile(g, g.options));

function matches(bits: Mask, offset: number, option: CompiledOption): boolean {
	const { any, all, none } = option;
	let anyHit = any === null;
	for (let w = 0; w < WORDS; w++) {
		const have = bits[offset + w]!;
		if (any !== null && (have & any[w]!) !== 0) anyHit = true;
		if (all !== null && (have & all[w]!) !== all[w]!) return false;
		if (none !== null && (have & none[w]!) !== 0) return false;
	}
	return anyHit;
}

interface Index {
	version: number;
	row: Map<string, number>;
	bits: Uint32Array;
}

let loaded: Promise<Index> | undefined;

async function load(version: number): Promise<Index> {
	const rows = await db.selectFrom('facility').select(['id', 'services']).execute();
	const bits = new Uint32Array(rows.length * WORDS);
	const row = new Map<string, number>();
	rows.forEach((r, i) => {
		row.set(r.id, i);
		bits.set(maskOf(r.services), i * WORDS);
	});
	return { version, row, bits };
}

async function index(): Promise<Index> {
	const version = await dataVersion();
	const current = loaded && (await loaded.catch(() => undefined));
	if (current?.version === version) return current;
	loaded = asServer(() => load(version));
	return loaded;
}

/**
 * Counts keyed "group:value": for each option, the programs in the base set (all programs, or
 * those within the radius) that meet every selected group except the option's own, and the option.
 */
export async function facetCounts(
	query: facilities.AreaQuery,
	selected: readonly SelectedGroup[]
): Promise<Record<string, number>> {
	const [{ row, bits }, ids] = await Promise.all([
		index(),
		query.center ? facilities.idsWithin(query.center, query.radiusMiles) : null
	]);
	const chosen = selected.map((s) => compile(s.group, s.options));
	const counts = new Int32Array(EVERY_OPTION.length);

	const visit = (offset: number) => {
		let failed: string | null = null;
		for (const group of chosen) {
			if (group.options.some((o) => matches(bits, offset, o))) continue;
			if (failed !== null) return; // fails two groups: no option can bring it back
			failed = group.key;
		}
		for (const group of EVERY_GROUP) {
			if (failed !== null && group.key !== failed) continue;
			for (const option of group.options) {
				if (matches(bits, offset, option)) counts[option.ordinal]!++;
			}
		}
	};

	if (ids) {
		for (const id of ids) {
			const i = row.get(id);
			if (i !== undefined) visit(i * WORDS);
		}
	} else {
		for (let offset = 0; offset < bits.length; offset += WORDS) visit(offset);
	}
	return Object.fromEntries(EVERY_OPTION.map((key, i) => [key, counts[i]!]));
}
