import { json } from '@sveltejs/kit';
import { apiError, handleApi } from '$lib/server/http';
import { nearestZip } from '$lib/server/places/zips';
import { InputError } from '$lib/server/validate/params';
import { parseSearchParams } from '$lib/server/validate/search';
import type { RequestHandler } from './$types';

// "Use my location" asks for the ZIP code around the browser's position and searches from it,
// so the page's address (which people copy and share) names a ZIP code, never where the person
// is standing. Nothing here is stored or logged.
export const GET: RequestHandler = ({ url }) =>
	handleApi(async () => {
		const { lat, lng } = parseSearchParams(url.searchParams);
		if (lat === undefined || lng === undefined)
			throw new InputError('lat and lng are required', 'lat');
		const record = nearestZip(lat, lng);
		if (!record) return apiError(404, 'there is no U.S. ZIP code near this point', 'lat');
		return json(
			{ zip: record.zip, city: record.city, state: record.state },
			{ headers: { 'cache-control': 'no-store' } }
		);
	});
