import { snapshotOf, type ProgramLike } from '$lib/shortlist/snapshot';
import type { Entry } from '$lib/shortlist/schema';
import { shortlist } from '$lib/shortlist/store.svelte';

/**
 * Brings the list's phones up to date before its call sheet is printed: a program saved from a
 * search result has only its main phone, and the sheet lists every intake line too. Only program
 * ids are asked for, as the program pages do; a program that cannot be fetched keeps what is saved.
 */
export async function refreshPhones(entries: readonly Entry[]): Promise<void> {
	// A few at a time: a list of fifty is fifty requests.
	const queue = [...entries];
	const next = async (): Promise<void> => {
		for (let entry = queue.shift(); entry; entry = queue.shift()) await one(entry);
	};
	await Promise.all([next(), next(), next(), next()]);
}

async function one(entry: Entry): Promise<void> {
	try {
		const response = await fetch(`/api/facilities/${encodeURIComponent(entry.id)}`);
		if (!response.ok) return;
		const program = (await response.json()) as ProgramLike;
		shortlist.refresh({ ...snapshotOf(program), distanceMiles: null, distanceFrom: null });
	} catch {
		// Offline: the sheet prints the numbers saved with the list.
	}
}
