import { error, redirect } from '@sveltejs/kit';
import { offeredKeys } from '$lib/server/offered-options';
import { runSearch } from '$lib/server/search';
import { InputError } from '$lib/server/validate/params';
import { parseSearchParams, RADIUS_CHOICES, type SearchParams } from '$lib/server/validate/search';
import type { PageServerLoad } from './$types';

// The search page's whole state is its URL: a GET form submits here, links and the back button
// restore it, and with JavaScript the same URL is loaded without a full page reload.
export const load: PageServerLoad = async ({ url }) => {
	// After "Use my location" the form keeps the point in hidden fields; a place typed over it
	// (without JavaScript to drop them) replaces the point rather than being a 400.
	if (
		url.searchParams.get('near')?.trim() &&
		(url.searchParams.has('lat') || url.searchParams.has('lng'))
	) {
		const query = new URLSearchParams(url.searchParams);
		query.delete('lat');
		query.delete('lng');
		redirect(303, `${url.pathname}?${query}`);
	}
	let params: SearchParams;
	try {
		params = parseSearchParams(url.searchParams);
	} catch (e) {
		if (e instanceof InputError) error(400, { message: `${e.field}: ${e.message}` });
		throw e;
	}
	// Keys, not groups: the vocabulary is in the page's code already, the page data stays small.
	const [outcome, offered] = await Promise.all([
		runSearch(params, { withFacets: true }),
		offeredKeys()
	]);
	return { params, outcome, offered, radiusChoices: RADIUS_CHOICES };
};
