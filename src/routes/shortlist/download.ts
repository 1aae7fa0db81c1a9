import { toCsv } from '$lib/shortlist/csv';
import type { Entry } from '$lib/shortlist/schema';

/** Saves the list as a CSV file, made in the browser: the notes never leave the device. */
export function downloadCsv(entries: readonly Entry[]): void {
	const blob = new Blob([toCsv(entries, location.origin)], { type: 'text/csv;charset=utf-8' });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = `shortlist-${new Date().toISOString().slice(0, 10)}.csv`;
	document.body.append(link);
	link.click();
	link.remove();
	// After the click has been handled: revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
