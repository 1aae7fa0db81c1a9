import { json } from '@sveltejs/kit';
import type { PlaceProblem } from './search';
import { isDatabaseUnavailable, OUTAGE_MESSAGE, RETRY_AFTER_SECONDS } from './db/outage';
import { InputError } from './validate/params';

/** The API's error body: `{ error: { message, field? } }`, plus any details. */
export function apiError(
	status: number,
	message: string,
	field?: string,
	details: Record<string, unknown> = {},
	headers: Record<string, string> = {}
): Response {
	return json(
		{ error: { message, ...(field ? { field } : {}), ...details } },
		{ status, headers: { 'cache-control': 'no-store', ...headers } }
	);
}

/**
 * Runs an API handler, turning bad input into a 400 that names the field, and an unreachable
 * database into a 503 with Retry-After (the pool reconnects by itself when it is back).
 */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof InputError) return apiError(400, e.message, e.field);
		if (isDatabaseUnavailable(e)) {
			const retryAfter = { 'retry-after': String(RETRY_AFTER_SECONDS) };
			return apiError(503, OUTAGE_MESSAGE, undefined, {}, retryAfter);
		}
		throw e;
	}
}

/** A place that did not resolve: 400 on `near`, with the choices or suggestions to offer. */
export function placeError(problem: PlaceProblem): Response {
	return problem.status === 'ambiguous'
		? apiError(400, 'near matches more than one place; choose one', 'near', {
				choices: problem.choices
			})
		: apiError(400, problem.message, 'near', { suggestions: problem.suggestions });
}
