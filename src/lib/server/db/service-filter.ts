import { sql, type RawBuilder } from 'kysely';
import type { FilterOption, SelectedGroup } from '../../filters';

const plain = (o: FilterOption) => !o.all?.length && !o.none?.length;

/** One option with an "all of" or "none of" part, on the services text[]. */
function optionCondition(option: FilterOption): RawBuilder<boolean> {
	const parts: RawBuilder<boolean>[] = [];
	if (option.codes.length)
		parts.push(sql<boolean>`services && ${sql.val([...option.codes])}::text[]`);
	if (option.all?.length) parts.push(sql<boolean>`services @> ${sql.val([...option.all])}::text[]`);
	if (option.none?.length) {
		parts.push(sql<boolean>`not (services && ${sql.val([...option.none])}::text[])`);
	}
	return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * The SQL condition for one filter group: any of its options. Plain options fold into one
 * `services && array[...]`, which the GIN index answers in one probe; an option with an "all of"
 * part (such as "offers all three medications") or a "none of" part is a conjunction of its own.
 */
export function groupCondition(options: readonly FilterOption[]): RawBuilder<boolean> {
	const anyCodes = [...new Set(options.filter(plain).flatMap((o) => o.codes))];
	const parts: RawBuilder<boolean>[] = [];
	if (anyCodes.length) parts.push(sql<boolean>`services && ${sql.val(anyCodes)}::text[]`);
	for (const option of options.filter((o) => !plain(o))) parts.push(optionCondition(option));
	return parts.length === 1 ? parts[0]! : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** All groups must hold; undefined when nothing is selected. */
export function groupsCondition(groups: readonly SelectedGroup[]): RawBuilder<boolean> | undefined {
	if (groups.length === 0) return undefined;
	return sql<boolean>`${sql.join(
		groups.map((g) => groupCondition(g.options)),
		sql` and `
	)}`;
}
