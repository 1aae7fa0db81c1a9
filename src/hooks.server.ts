import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { env } from '$env/dynamic/public';
import { apiJsonErrors } from '$lib/server/api-json-errors';
import { perClientTurns } from '$lib/server/load-shedding';
import { databaseOutageStatus, handleDatabaseError } from '$lib/server/outage-hooks';
import { preloadPlaces } from '$lib/server/places';
import { logRequest } from '$lib/server/request-log';
import { withCachePolicy } from '$lib/server/cache-control';
import { mapStyleOrigin, withSecurityHeaders } from '$lib/server/security-headers';

// Load the offline gazetteer (ZIP and city tables, ~0.5 s) before the first request, so the first
// person to search does not wait for it.
export const init: ServerInit = () => {
	preloadPlaces();
};

const mapOrigin = mapStyleOrigin(env.PUBLIC_MAP_STYLE);

/**
 * Outermost: every final answer gets the security headers, a Cache-Control that keeps it out of
 * shared caches unless it says `public` (its 304 copies it), and one log line without values.
 */
const headersAndLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	// withSecurityHeaders hands back a response whose headers can be set.
	const response = withSecurityHeaders(await resolve(event), mapOrigin);
	withCachePolicy(response.headers);
	logRequest({
		method: event.request.method,
		route: event.route.id,
		status: response.status,
		ms: performance.now() - started
	});
	return response;
};

// A page whose load failed because the database is unreachable answers 503 with Retry-After;
// SvelteKit's own HTML error pages under /api become JSON.
export const handle = sequence(headersAndLog, databaseOutageStatus, apiJsonErrors, perClientTurns);
export const handleError = handleDatabaseError;
