// The rows of the comparison table: the search filters' own options (SAMHSA codes, our labels),
// so that "Yes" in a row means exactly what ticking that filter would match.
import { FILTER_GROUPS, optionMatches, type FilterKey } from '../filters';

/** The groups a person weighs when choosing, in the order the filters show them. */
const COMPARED: readonly FilterKey[] = [
	'medication',
	'counseling',
	'family',
	'credential',
	'payment',
	'language',
	'setting'
];

export interface CompareRow {
	label: string;
	/** One per program, in column order: does the directory list it? */
	cells: boolean[];
	differs: boolean;
}

export interface CompareSection {
	key: FilterKey;
	label: string;
	rows: CompareRow[];
	/** Options no compared program lists, left out of `rows` to keep the table readable. */
	unlisted: number;
}

export function compareRows(
	programs: readonly { services: readonly string[] }[]
): CompareSection[] {
	const codes = programs.map((p) => new Set(p.services));
	return COMPARED.map((key) => {
		const group = FILTER_GROUPS.find((g) => g.key === key)!;
		const rows = group.options.map((option) => {
			const cells = codes.map((c) => optionMatches(option, c));
			return { label: option.label, cells, differs: cells.some((c) => c !== cells[0]) };
		});
		const listed = rows.filter((r) => r.cells.some(Boolean));
		return { key, label: group.label, rows: listed, unlisted: rows.length - listed.length };
	});
}
