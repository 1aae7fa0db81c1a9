import { error, redirect } from '@sveltejs/kit';
import { offeredKeys } from '$lib/server/offered-options';
import { MAX_INPUT_LENGTH as MAX_PLACE_LENGTH } from '$lib/server/places';
import { runSearch, type PlaceProblem, type SearchOutcome } from '$lib/server/search';
import { InputError } from '$lib/server/validate/params';
import { parseSearchParams, RADIUS_CHOICES, type SearchParams } from '$lib/server/validate/search';
import type { PageServerLoad } from './$types';
import { formatNumber } from '$lib/format';

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
	const parsed = parsePageParams(url.searchParams);
	const params = 'problem' in parsed ? parsed.params : parsed;
	// Keys, not groups: the vocabulary is in the page's code already, the page data stays small.
	const [outcome, offered] = await Promise.all([
		'problem' in parsed
			? ({ status: 'place', problem: parsed.problem } satisfies SearchOutcome)
			: runSearch(params, { withFacets: true }),
		offeredKeys()
	]);
	return { params, outcome, offered, radiusChoices: RADIUS_CHOICES };
};

/**
 * The search, or, when only the place is wrong (too long, characters not allowed), the rest of
 * it with the problem to show where results would be: the filters survive a pasted paragraph.
 * Anything else wrong is a 400 page; the API answers 400 for the place too.
 */
function parsePageParams(
	query: URLSearchParams
): SearchParams | { params: SearchParams; problem: PlaceProblem } {
	try {
		return parseSearchParams(query);
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		const rest = e.field === 'near' && query.getAll('near').length === 1 && withoutPlace(query);
		if (!rest) error(400, { message: `${e.field}: ${e.message}` });
		const typed = (query.get('near') ?? '').replace(/\p{Cc}/gu, ' ').trim();
		const message =
			typed.length > MAX_PLACE_LENGTH
				? `The place in “Where” is ${formatNumber(typed.length)} characters long; it can be at most ${MAX_PLACE_LENGTH}.`
				: 'The place in “Where” has characters that are not part of a place name.';
		return {
			params: { ...rest, near: typed.slice(0, MAX_PLACE_LENGTH) },
			problem: { status: 'not-found', message, suggestions: [], invalid: true }
		};
	}
}

function withoutPlace(query: URLSearchParams): SearchParams | undefined {
	try {
		return parseSearchParams(query, { ignore: ['near'] });
	} catch (e) {
		if (e instanceof InputError) return undefined;
		throw e;
	}
}
