import type { Handle } from '@sveltejs/kit';
import { apiError } from './http';

/**
 * Under /api every answer is JSON. The endpoints see to that themselves, but SvelteKit answers a
 * few requests before any endpoint runs (a path that is not valid UTF-8 once decoded, for one)
 * with its HTML error page; those become the API's `{ error: { message } }` with the same status.
 */
export const apiJsonErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (
		!event.url.pathname.startsWith('/api/') ||
		response.status < 400 ||
		!response.headers.get('content-type')?.startsWith('text/html')
	) {
		return response;
	}
	const message =
		response.status === 400 ? 'the path is not a valid URL' : 'the request could not be answered';
	const answer = apiError(response.status, message, 'path');
	const retryAfter = response.headers.get('retry-after');
	if (retryAfter) answer.headers.set('retry-after', retryAfter);
	return answer;
};
