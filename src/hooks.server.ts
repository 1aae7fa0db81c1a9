import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/public';
import { preloadPlaces } from '$lib/server/places';
import { formatRequestLog, redactError } from '$lib/server/request-log';
import { mapStyleOrigin, withSecurityHeaders } from '$lib/server/security-headers';

// Load the offline gazetteer (ZIP and city tables, ~0.5 s) before the first request, so the first
// person to search does not wait for it.
export const init: ServerInit = () => {
	preloadPlaces();
};

const mapOrigin = mapStyleOrigin(env.PUBLIC_MAP_STYLE);

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = withSecurityHeaders(await resolve(event), mapOrigin);
	console.log(
		formatRequestLog({
			method: event.request.method,
			route: event.route.id,
			status: response.status,
			ms: performance.now() - started
		})
	);
	return response;
};

// SvelteKit's default logs the whole error; ours leaves out the values in its message.
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) console.error(`${event.route.id ?? '(no route)'}: ${redactError(error)}`);
	return { message };
};
