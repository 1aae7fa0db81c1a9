import type { Pins } from './features';

// The map's points, one request per search: a map shown again (List, then Map again on a phone)
// reuses them. Only the latest search is kept. (Asking for them from the page while the map's
// chunk loads was measured slower: on the embedded database the query holds the server's one
// thread, and the chunk's download waits behind it.)
let latest: { query: string; pins: Promise<Pins | null> } | undefined;

/** The map's points for a search (its query string, without paging); null if they failed. */
export function fetchPins(query: string): Promise<Pins | null> {
	if (latest?.query !== query) {
		const pins = fetch(`/api/facilities.geojson${query ? `?${query}` : ''}`)
			.then((r) => (r.ok ? (r.json() as Promise<Pins>) : null))
			.catch(() => null);
		latest = { query, pins };
	}
	return latest.pins;
}
