import type { ResolvedPathname } from '$app/types';
import { searchHref } from '$lib/components/search-form';

/**
 * The current search with some parameters changed: every link on the results page keeps the
 * place, radius and filters it does not change. Paging restarts unless `edit` sets an offset.
 */
export function changed(
	url: URL,
	edit: (params: URLSearchParams) => void,
	hash = ''
): ResolvedPathname {
	const params = new URLSearchParams(url.searchParams);
	params.delete('offset');
	edit(params);
	return searchHref(params, hash);
}

/** Removes one value of a repeatable parameter, keeping the others in their order. */
export function removeValue(params: URLSearchParams, key: string, value: string): void {
	const kept = params.getAll(key).filter((v) => v !== value);
	params.delete(key);
	for (const v of kept) params.append(key, v);
}

/** Searches near a place instead of the current one (or a point). */
export function placeChanged(url: URL, near: string): ResolvedPathname {
	return changed(url, (params) => {
		params.delete('lat');
		params.delete('lng');
		params.set('near', near);
	});
}
