import { sequence } from '@sveltejs/kit/hooks';
import type { ServerInit } from '@sveltejs/kit';
import { preloadPlaces } from '$lib/server/places';
import { apiJsonErrors } from '$lib/server/api-json-errors';
import { databaseOutageStatus, handleDatabaseError } from '$lib/server/outage-hooks';

// Load the offline gazetteer (ZIP and city tables, ~0.5 s) before the first request, so the first
// person to search does not wait for it.
export const init: ServerInit = () => {
	preloadPlaces();
};

// A page whose load failed because the database is unreachable answers 503 with Retry-After;
// SvelteKit's own HTML error pages under /api become JSON.
export const handle = sequence(databaseOutageStatus, apiJsonErrors);
export const handleError = handleDatabaseError;
