import { sql, type RawBuilder } from 'kysely';
import type { FilterOption, SelectedGroup } from '../../filters';

/**
 * The SQL condition for one filter group: any of its options. Plain options fold into one
 * `services && array[...]`, which the GIN index answers in one probe; an "all of" option (such as
 * "offers all three medications") is `services @> array[...]`.
 */
export function groupCondition(options: readonly FilterOption[]): RawBuilder<boolean> {
	const anyCodes = [...new Set(options.filter((o) => !o.all).flatMap((o) => o.codes))];
	const parts: RawBuilder<boolean>[] = [];
	if (anyCodes.length) parts.push(sql<boolean>`services && ${sql.val(anyCodes)}::text[]`);
	for (const option of options.filter((o) => o.all)) {
		parts.push(sql<boolean>`services @> ${sql.val([...option.codes])}::text[]`);
	}
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
