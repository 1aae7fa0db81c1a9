// The shortlist as a CSV file (RFC 4180) that spreadsheets open safely.
import { toCsv as csv } from '../csv';
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

/** `base` is the site's origin, for the listing links. */
export function toCsv(entries: readonly Entry[], base: string): string {
	const rows = entries.map((e) => COLUMNS.map(([, cell]) => cell(e, base)));
	// The byte-order mark makes Excel read the file as UTF-8.
	return `\uFEFF${csv(
		COLUMNS.map(([name]) => name),
		rows
	)}`;
}
