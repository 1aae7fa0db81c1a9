// Addresses of the shortlist's server-rendered views. They carry program ids and nothing else:
// never a note, a status, a distance or where the person searched from.
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

const query = (ids: readonly string[]) => `?ids=${ids.map(encodeURIComponent).join(',')}`;

export function sharedHref(ids: readonly string[]): ResolvedPathname {
	return resolve(`/shortlist/shared${query(ids)}` as `/shortlist/shared?${string}`);
}

export function compareHref(ids: readonly string[]): ResolvedPathname {
	return resolve(`/shortlist/compare${query(ids)}` as `/shortlist/compare?${string}`);
}
