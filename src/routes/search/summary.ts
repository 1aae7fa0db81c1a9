import type { FilterGroup, FilterSelection } from '$lib/filters';

// The medications as a person names them; the filter's own label says more than a line can hold.
const SHORT: Readonly<Record<string, string>> = {
	methadone: 'Methadone',
	buprenorphine: 'Buprenorphine',
	naltrexone: 'Naltrexone'
};

export interface SummaryInput {
	groups: readonly FilterGroup[];
	selection: FilterSelection;
	/** The place searched around, as the heading names it; null: nationwide. */
	place: string | null;
	radius: number;
}

/**
 * The search in one line, for the folded form: "Buprenorphine · Worcester, MA · 25 mi", with the
 * other filters counted rather than named (the chips under the heading name them).
 */
export function searchSummary({ groups, selection, place, radius }: SummaryInput): string {
	const medication = groups.find((g) => g.key === 'medication');
	const meds = (selection.medication ?? []).map(
		(value) => SHORT[value] ?? medication?.options.find((o) => o.value === value)?.label ?? value
	);
	const others = groups
		.filter((g) => g.key !== 'medication' && !g.single)
		.reduce((n, g) => n + (selection[g.key]?.length ?? 0), 0);
	const parts = [
		meds.join(', '),
		others > 0 ? `${others} more ${others === 1 ? 'filter' : 'filters'}` : '',
		place ?? 'Nationwide',
		place ? `${radius} mi` : ''
	];
	return parts.filter(Boolean).join(' · ');
}
