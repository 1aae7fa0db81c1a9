import { json } from '@sveltejs/kit';
import type { PlaceProblem } from './search';
import { InputError } from './validate/params';

/** The API's error body: `{ error: { message, field? } }`, plus any details. */
export function apiError(
	status: number,
	message: string,
	field?: string,
	details: Record<string, unknown> = {}
): Response {
	return json(
		{ error: { message, ...(field ? { field } : {}), ...details } },
		{ status, headers: { 'cache-control': 'no-store' } }
	);
}

/** Runs an API handler, turning bad input into a 400 that names the field. */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof InputError) return apiError(400, e.message, e.field);
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
