// The same searches come again and again (a ZIP code, the medication filters), and until the
// next import their answer cannot change. Answering a repeat from memory skips the database
// round trip, the largest cost of a search in the server process (scripts/bench/README.md,
// "npm run bench:load"). A search names a place, so entries live only in this process's memory,
// at most MAX_AGE_MS, are never written anywhere, and a store holds at most MAX_ENTRIES (or
// fewer, for large answers).

const MAX_ENTRIES = 2_000;
const MAX_AGE_MS = 60_000;

interface Entry<T> {
	version: number;
	at: number;
	value: Promise<T>;
}

export interface RecentStore<T> {
	/** The value kept for `key` from the current import, or `compute()`'s (kept on success). */
	get(key: string, compute: () => Promise<T>): Promise<T>;
	clear(): void;
	readonly size: number;
}

/**
 * `version` names the data the answers come from (data-version.ts's import id): an entry from
 * another version is not used.
 */
export function recentStore<T>(
	version: () => Promise<number>,
	{ maxEntries = MAX_ENTRIES }: { maxEntries?: number } = {}
): RecentStore<T> {
	// A Map iterates in insertion order: re-inserting on use makes the first key the least recent.
	const entries = new Map<string, Entry<T>>();

	async function get(key: string, compute: () => Promise<T>): Promise<T> {
		const current = await version();
		const now = performance.now();
		const kept = entries.get(key);
		if (kept && kept.version === current && now - kept.at <= MAX_AGE_MS) {
			entries.delete(key);
			entries.set(key, kept);
			return kept.value;
		}
		// Requests for the same key while the first is under way share its answer.
		const entry: Entry<T> = { version: current, at: now, value: compute() };
		entries.delete(key);
		entries.set(key, entry);
		if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
		entry.value.catch(() => {
			if (entries.get(key) === entry) entries.delete(key);
		});
		return entry.value;
	}

	return {
		get,
		clear: () => entries.clear(),
		get size() {
			return entries.size;
		}
	};
}
