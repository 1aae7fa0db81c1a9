// Prototype of a narrow filter column: a program's filterable codes (the 103 codes the filters
// use, not its ~76 codes of every kind) as two int8 bitmasks, so a filter is a few AND
// instructions per row instead of text[] overlaps.
import { sql, type RawBuilder } from 'kysely';
import { FILTER_GROUPS, type FilterOption, type SelectedGroup } from '../../src/lib/filters';

const CODES = [...new Set(FILTER_GROUPS.flatMap((g) => g.options.flatMap((o) => o.codes)))];
if (CODES.length > 128) throw new Error('More than 128 filter codes: widen the bitmask');
const BIT = new Map(CODES.map((code, i) => [code, BigInt(i)]));

type Words = [lo: string, hi: string];

/** The two words as int8 literals (signed, as PostgreSQL stores them). */
export function bitsOf(codes: Iterable<string>): Words {
	let lo = 0n;
	let hi = 0n;
	for (const code of codes) {
		const bit = BIT.get(code);
		if (bit === undefined) continue;
		if (bit < 64n) lo |= 1n << bit;
		else hi |= 1n << (bit - 64n);
	}
	return [BigInt.asIntN(64, lo).toString(), BigInt.asIntN(64, hi).toString()];
}

function optionCondition(option: FilterOption): RawBuilder<boolean> {
	const [lo, hi] = bitsOf(option.codes);
	return option.all
		? sql<boolean>`(filter_lo & ${lo}::int8) = ${lo}::int8 and (filter_hi & ${hi}::int8) = ${hi}::int8`
		: sql<boolean>`((filter_lo & ${lo}::int8) <> 0 or (filter_hi & ${hi}::int8) <> 0)`;
}

/** Same meaning as service-filter.ts's groupsCondition, on the bitmask columns. */
export function bitsCondition(groups: readonly SelectedGroup[]): RawBuilder<boolean> {
	if (groups.length === 0) return sql<boolean>`true`;
	const each = groups.map((g) => sql`(${sql.join(g.options.map(optionCondition), sql` or `)})`);
	return sql<boolean>`${sql.join(each, sql` and `)}`;
}
