import { handleApi, placeError } from '$lib/server/http';
import { runSearch, type SearchOutcome } from '$lib/server/search';
import { parseSearchParams, type SearchParams } from '$lib/server/validate/search';
import type { RequestHandler } from './$types';

// A repeated search gets the same outcome object from memory (recent-searches.ts), so its JSON
// text is kept with it rather than written again: serializing 20 results was the largest cost
// left in answering a repeat (scripts/bench/README.md, "npm run bench:load").
const bodies = new WeakMap<SearchOutcome, string>();

function body(outcome: Extract<SearchOutcome, { status: 'ok' }>, params: SearchParams): string {
	let text = bodies.get(outcome);
	if (text === undefined) {
		// Everything here is fixed by the search's key: limit, offset and radius are part of it.
		text = JSON.stringify({
			total: outcome.total,
			limit: params.limit,
			offset: params.offset,
			place: outcome.place,
			radiusMiles: outcome.place ? outcome.radius : null,
			items: outcome.items
		});
		bodies.set(outcome, text);
	}
	return text;
}

export const GET: RequestHandler = ({ url }) =>
	handleApi(async () => {
		const params = parseSearchParams(url.searchParams);
		const outcome = await runSearch(params);
		if (outcome.status === 'place') return placeError(outcome.problem);
		return new Response(body(outcome, params), {
			headers: { 'content-type': 'application/json' }
		});
	});
