import type { ServerInit } from '@sveltejs/kit';
import { preloadPlaces } from '$lib/server/places';
import { databaseOutageStatus, handleDatabaseError } from '$lib/server/outage-hooks';

// Load the offline gazetteer (ZIP and city tables, ~0.5 s) before the first request, so the first
// person to search does not wait for it.
export const init: ServerInit = () => {
	preloadPlaces();
};

// A page whose load failed because the database is unreachable answers 503 with Retry-After.
export const handle = databaseOutageStatus;
export const handleError = handleDatabaseError;
