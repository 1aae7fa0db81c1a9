// The shortlist as a CSV file (RFC 4180) that spreadsheets open safely.
import { MEDICATIONS } from '../filters';
import { statusLabel, type Entry } from './schema';

const COLUMNS: readonly [string, (e: Entry, base: string) => string][] = [
	['Program', (e) => e.name],
	['Status', (e) => statusLabel(e.status)],
	['Note', (e) => e.note],
	['Last changed', (e) => e.updatedAt.slice(0, 10)],
	['Phones', (e) => e.phones.join('; ')],
	['Address', (e) => [e.street1, e.street2].filter(Boolean).join(', ')],
	['City', (e) => e.city],
	['State', (e) => e.state],
	['ZIP', (e) => e.zip],
	[
		'Medications',
		(e) =>
			MEDICATIONS.filter((m) => e.medications.includes(m.value))
				.map((m) => m.label)
				.join('; ')
	],
	['Distance (miles)', (e) => (e.distanceMiles === null ? '' : String(e.distanceMiles))],
	['Distance from', (e) => e.distanceFrom ?? ''],
	['Listing', (e, base) => new URL(`/facilities/${e.id}`, base).href]
];

/**
 * One field: a value a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage
 * return before one) is prefixed with an apostrophe, as OWASP advises; then it is quoted when
 * it needs to be.
 */
export function csvField(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `base` is the site's origin, for the listing links. */
export function toCsv(entries: readonly Entry[], base: string): string {
	const rows = [
		COLUMNS.map(([name]) => name),
		...entries.map((e) => COLUMNS.map(([, cell]) => cell(e, base)))
	];
	// CRLF per RFC 4180; the byte-order mark makes Excel read the file as UTF-8.
	return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
