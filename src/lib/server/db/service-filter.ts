import { sql, type RawBuilder } from 'kysely';
import { withoutImplied, type FilterOption, type SelectedGroup } from '../../filters';

/** Has any, every or none of the codes: what a column representation must answer. */
export type CodeTest = 'any' | 'all' | 'none';
export type CodeCondition = (codes: readonly string[], test: CodeTest) => RawBuilder<boolean>;

const plain = (o: FilterOption) => !o.all?.length && !o.none?.length;

/** One option with an "all of" or "none of" part: a conjunction of its own. */
function optionCondition(option: FilterOption, has: CodeCondition): RawBuilder<boolean> {
	const parts = [
		...(option.codes.length ? [has(option.codes, 'any')] : []),
		...(option.all?.length ? [has(option.all, 'all')] : []),
		...(option.none?.length ? [has(option.none, 'none')] : [])
	];
	return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * One filter group: any of its options. Plain options fold into one "has any of", which the GIN
 * index (or one AND on a bitmask) answers at once; an option with an "all of" part (such as
 * "offers all three medications") or a "none of" part is a conjunction of its own.
 */
function groupCondition(options: readonly FilterOption[], has: CodeCondition): RawBuilder<boolean> {
	const anyCodes = [...new Set(options.filter(plain).flatMap((o) => o.codes))];
	const parts = [
		...(anyCodes.length ? [has(anyCodes, 'any')] : []),
		...options.filter((o) => !plain(o)).map((o) => optionCondition(o, has))
	];
	return parts.length === 1 ? parts[0]! : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/**
 * All groups must hold; undefined when nothing is selected. A group another one implies (the
 * default scope once a buprenorphine filter is chosen) is left out: same rows, one test fewer.
 */
export function conditionOf(
	groups: readonly SelectedGroup[],
	has: CodeCondition
): RawBuilder<boolean> | undefined {
	const needed = withoutImplied(groups);
	if (needed.length === 0) return undefined;
	return sql<boolean>`${sql.join(
		needed.map((g) => groupCondition(g.options, has)),
		sql` and `
	)}`;
}

/** On facility's services text[]. */
const onServices: CodeCondition = (codes, test) => {
	const array = sql`${sql.val([...codes])}::text[]`;
	if (test === 'all') return sql<boolean>`services @> ${array}`;
	if (test === 'none') return sql<boolean>`not (services && ${array})`;
	return sql<boolean>`services && ${array}`;
};

export const groupsCondition = (groups: readonly SelectedGroup[]) =>
	conditionOf(groups, onServices);
