import type { ServerInit } from '@sveltejs/kit';
import { preloadPlaces } from '$lib/server/places';

// Load the offline gazetteer (ZIP and city tables, ~0.5 s) before the first request, so the first
// person to search does not wait for it.
export const init: ServerInit = () => {
	preloadPlaces();
};
