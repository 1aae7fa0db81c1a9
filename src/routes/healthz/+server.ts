import { json } from '@sveltejs/kit';
import * as facilities from '$lib/server/db/facilities';
import { dbKind } from '$lib/server/db';
import { RETRY_AFTER_SECONDS } from '$lib/server/db/outage';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	try {
		const count = await facilities.count();
		return json(
			{ status: 'ok', database: dbKind, facilities: count },
			{ headers: { 'cache-control': 'no-store' } }
		);
	} catch {
		// Say that the database is unreachable, not why: the error text can carry connection details.
		return json(
			{ status: 'unavailable', database: dbKind, facilities: null },
			{
				status: 503,
				headers: { 'cache-control': 'no-store', 'retry-after': String(RETRY_AFTER_SECONDS) }
			}
		);
	}
};
