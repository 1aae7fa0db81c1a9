import type { Handle } from '@sveltejs/kit';
import { fallbackMessage, isApiPath } from './api-error-shape';
import { apiError } from './http';

// Headers of SvelteKit's own answer that the JSON one keeps.
const KEPT = ['allow', 'retry-after'];

/**
 * Under /api every answer is JSON. The endpoints see to that themselves, but SvelteKit answers a
 * few requests before any endpoint runs: a path that is not valid UTF-8 once decoded (its HTML
 * error page), a method the endpoint does not export (405 in plain text, with Allow). Those become
 * the API's `{ error: { message, field? } }` with the same status and Allow.
 */
export const apiJsonErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (!isApiPath(event.url.pathname) || response.status < 400 || /[/+]json\b/.test(type)) {
		return response;
	}
	const answer =
		response.status === 400 && type.startsWith('text/html')
			? apiError(400, 'the path is not a valid URL', 'path')
			: apiError(
					response.status,
					fallbackMessage(response.status, event.request.method, response.headers.get('allow'))
				);
	for (const name of KEPT) {
		const value = response.headers.get(name);
		if (value) answer.headers.set(name, value);
	}
	return answer;
};
