import { json } from '@sveltejs/kit';
import * as facilities from '$lib/server/db/facilities';
import { dbHealth, dbKind } from '$lib/server/db';
import { RETRY_AFTER_SECONDS } from '$lib/server/db/outage';
import type { RequestHandler } from './$types';

// A health check must answer at once, also while a flood of requests keeps the database busy
// (queueing behind them is what a load balancer would read as "down"). So when the database has
// answered a query in the last RECENT_MS and nothing has failed to reach it since, that is the
// answer, with the count of programs from the last real check; otherwise it asks the database.
const RECENT_MS = 2_000;
const COUNT_KEPT_MS = 30_000;
let counted: { at: number; count: number } | undefined;

function recentlyHealthy(now: number): number | undefined {
	const { lastSuccess, lastFailure } = dbHealth;
	if (!counted || now - counted.at > COUNT_KEPT_MS) return undefined;
	return now - lastSuccess < RECENT_MS && lastSuccess > lastFailure ? counted.count : undefined;
}

export const GET: RequestHandler = async () => {
	const headers = { 'cache-control': 'no-store' };
	try {
		const now = performance.now();
		let count = recentlyHealthy(now);
		if (count === undefined) {
			count = await facilities.count();
			counted = { at: now, count };
		}
		return json({ status: 'ok', database: dbKind, facilities: count }, { headers });
	} catch {
		// Say that the database is unreachable, not why: the error text can carry connection details.
		return json(
			{ status: 'unavailable', database: dbKind, facilities: null },
			{ status: 503, headers: { ...headers, 'retry-after': String(RETRY_AFTER_SECONDS) } }
		);
	}
};
