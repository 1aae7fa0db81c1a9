import { JsonBody, jsonResponse } from '$lib/server/gzip';
import { handleApi, placeError } from '$lib/server/http';
import { runSearch, type SearchOutcome } from '$lib/server/search';
import { parseSearchParams, type SearchParams } from '$lib/server/validate/search';
import type { RequestHandler } from './$types';

// A repeated search gets the same outcome object from memory (recent-searches.ts), so its JSON
// (and gzip) is kept with it rather than made again: serializing and compressing 20 results were
// the largest costs left in answering a repeat (scripts/bench/README.md, "npm run bench:load").
const bodies = new WeakMap<SearchOutcome, JsonBody>();

function body(outcome: Extract<SearchOutcome, { status: 'ok' }>, params: SearchParams): JsonBody {
	let kept = bodies.get(outcome);
	if (kept === undefined) {
		// Everything here is fixed by the search's key: limit, offset and radius are part of it.
		kept = new JsonBody(
			JSON.stringify({
				total: outcome.total,
				limit: params.limit,
				offset: params.offset,
				place: outcome.place,
				radiusMiles: outcome.place ? outcome.radius : null,
				items: outcome.items,
				// Outside the radius, apart from items: the nearest matches when items are few.
				beyond: outcome.beyond,
				telehealth: outcome.telehealth
			})
		);
		bodies.set(outcome, kept);
	}
	return kept;
}

export const GET: RequestHandler = ({ url, request }) =>
	handleApi(async () => {
		const params = parseSearchParams(url.searchParams);
		const outcome = await runSearch(params);
		if (outcome.status === 'place') return placeError(outcome.problem);
		return jsonResponse(request, body(outcome, params), 'application/json');
	});
