import { json } from '@sveltejs/kit';
import { handleApi, placeError } from '$lib/server/http';
import { runSearch } from '$lib/server/search';
import { parseSearchParams } from '$lib/server/validate/search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	handleApi(async () => {
		const params = parseSearchParams(url.searchParams);
		const outcome = await runSearch(params);
		if (outcome.status === 'place') return placeError(outcome.problem);
		return json({
			total: outcome.total,
			limit: params.limit,
			offset: params.offset,
			place: outcome.place,
			radiusMiles: outcome.place ? outcome.radius : null,
			items: outcome.items
		});
	});
