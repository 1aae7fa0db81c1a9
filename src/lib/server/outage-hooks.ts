import type { Handle, HandleServerError } from '@sveltejs/kit';
import { isDatabaseUnavailable, OUTAGE_MESSAGE, RETRY_AFTER_SECONDS } from './db/outage';
import { redactError } from './request-log';

// SvelteKit answers 500 for any unexpected error thrown by a load, and handleError cannot change
// that status. So handleError remembers which requests failed because the database is away, and
// the handle turns their rendered error page into a 503 with Retry-After. Requests are told apart
// by their `locals`: SvelteKit hands resolve and handleError shallow copies of the event, which
// share that one object.
const outages = new WeakSet<App.Locals>();

/** For `export const handleError` in hooks.server.ts (or to call from it). */
export const handleDatabaseError: HandleServerError = ({ error, event, status, message }) => {
	if (isDatabaseUnavailable(error)) {
		outages.add(event.locals);
		return { message: OUTAGE_MESSAGE };
	}
	// A 4xx here is SvelteKit refusing a request (a malformed path): nothing to look into. The
	// log leaves out the values in an error's message, which can be what someone searched for.
	if (status >= 500) console.error(`${event.route.id ?? '(no route)'}: ${redactError(error)}`);
	return { message };
};

/** For `sequence(…)` in hooks.server.ts: pages that failed for a database outage answer 503. */
export const databaseOutageStatus: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (!outages.has(event.locals)) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	headers.set('cache-control', 'no-store');
	return new Response(response.body, { status: 503, headers });
};
