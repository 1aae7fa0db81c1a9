import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import { FILTER_GROUPS } from '$lib/filters';

// A one-choice group's default (the scope) is what no value means: the address leaves it out.
const DEFAULTS = FILTER_GROUPS.flatMap((g) =>
	g.single ? [[g.key, g.single.default] as const] : []
);

/** The search page's address for these parameters. */
export function searchHref(params: URLSearchParams, hash = ''): ResolvedPathname {
	const query = params.toString();
	return resolve(`/search${query ? `?${query}` : ''}${hash}` as `/search?${string}`);
}

/**
 * A search form's fields as URL parameters, the way the server reads them, minus what a GET form
 * sends needlessly: empty fields, and a radius when there is no place to measure it from.
 */
export function formParams(form: HTMLFormElement): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of new FormData(form)) {
		if (typeof value === 'string' && value.trim() !== '') params.append(key, value.trim());
	}
	// A typed place replaces the point an earlier "Use my location" put in the form.
	if (params.has('near')) {
		params.delete('lat');
		params.delete('lng');
	}
	if (!params.has('near') && !params.has('lat')) params.delete('radius');
	for (const [key, value] of DEFAULTS) params.delete(key, value);
	return params;
}

/** The current search address, comparable with searchHref(). */
export function currentHref(url: URL): string {
	return `${url.pathname}${url.search}`;
}

/**
 * Whether the page's disclosure (a <details> with this id) was opened before its script ran. Hydration sets a bound `open`
 * to the script's first value, so a tap on a slow start would open a panel and then shut it
 * again; starting from what the page shows keeps the person's tap.
 */
export function openedBeforeScript(id: string): boolean {
	return browser && document.getElementById(id)?.hasAttribute('open') === true;
}
