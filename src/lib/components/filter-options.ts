// A list of filter checkboxes as HTML. FilterOptions.svelte puts it on the page with {@html}, which
// hydrates by adopting the server's nodes as they are: the search page's ~100 boxes as Svelte
// components took a third of the page's hydration, one long task that a phone spends unable to
// answer a tap (scripts/bench/README.md, `npm run bench:lighthouse`).
import type { FilterOption } from '$lib/filters';
import { escapeHtml } from '$lib/html';
import { formatNumber } from '$lib/format';

export interface OptionsState {
	/** The values ticked. */
	chosen: readonly string[];
	/**
	 * How many programs the search would find with each option ticked too, keyed `name:value` (the
	 * search's facets); null: not known now. Undefined: this list never shows counts.
	 */
	counts?: Record<string, number> | null;
	/** The id of the form the boxes belong to, when they sit outside it. */
	form?: string;
}

export const optionId = (name: string, value: string) => `filter-${name}-${value}`;

export function optionCount(state: OptionsState, name: string, value: string): number | null {
	return state.counts?.[`${name}:${value}`] ?? null;
}

/** The visible part of a count: "(1,234"; the rest, " programs)", is in the markup. */
export const countText = (count: number | null) => `(${formatNumber(count ?? 0)}`;

export function optionsMarkup(
	name: string,
	options: readonly FilterOption[],
	state: OptionsState
): string {
	const picked = new Set(state.chosen);
	const form = state.form ? ` form="${escapeHtml(state.form)}"` : '';
	return options
		.map((option) => {
			const id = escapeHtml(optionId(name, option.value));
			const checked = picked.has(option.value) ? ' checked' : '';
			const label = escapeHtml(option.label);
			let count = '';
			if (state.counts !== undefined) {
				const n = optionCount(state, name, option.value);
				count =
					` <span class="count"${n === null ? ' hidden' : ''}>${countText(n)}` +
					'<span class="visually-hidden">&nbsp;programs</span>)</span>';
			}
			return (
				`<li><input type="checkbox" id="${id}" name="${escapeHtml(name)}" ` +
				`value="${escapeHtml(option.value)}"${checked}${form}> ` +
				`<label for="${id}">${label}${count}</label></li>`
			);
		})
		.join('');
}
