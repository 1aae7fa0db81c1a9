import { toCsv } from '$lib/shortlist/csv';
import type { Entry, List } from '$lib/shortlist/schema';
import { toListFile } from '$lib/shortlist/transfer';

const today = () => new Date().toISOString().slice(0, 10);

/** Saves text as a file, made in the browser: the notes never leave the device. */
function download(text: string, type: string, filename: string): void {
	const blob = new Blob([text], { type });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	document.body.append(link);
	link.click();
	link.remove();
	// After the click has been handled: revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function downloadCsv(entries: readonly Entry[]): void {
	download(toCsv(entries, location.origin), 'text/csv;charset=utf-8', `shortlist-${today()}.csv`);
}

/** The list as a file to import on another device; named for the list, which stays local. */
export function downloadList(list: List): void {
	const slug = list.name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	download(
		toListFile(list, new Date().toISOString()),
		'application/json',
		`mat-locator-list-${slug || 'list'}-${today()}.json`
	);
}
