// The API's error shape, `{ error: { message, field? } }`, for the answers under /api that no
// endpoint wrote: SvelteKit's own refusals (405, its CSRF 403, a path it cannot decode) and the
// Node server's (a request adapter-node cannot turn into a Request). Pure, so that both the
// SvelteKit hook and the Node server (scripts/serve) use it.
import { STATUS_CODES } from 'node:http';

/** Whether a request path (or absolute-form request target) is under /api. */
export function isApiPath(target: string | undefined): boolean {
	if (!target) return false;
	let path = target;
	if (!target.startsWith('/')) {
		try {
			path = new URL(target).pathname;
		} catch {
			return false;
		}
	}
	return path === '/api' || /^\/api[/?#]/.test(path);
}

/** What to tell the client, by status, when nothing more specific was said. */
export function fallbackMessage(status: number, method: string, allow?: string | null): string {
	switch (status) {
		case 400:
			return 'the request could not be read: check its URL, Host header and method';
		case 403:
			return 'cross-site form posts are refused';
		case 404:
			return 'there is nothing here; see /api/openapi.json';
		case 405:
			return `${method.slice(0, 20)} is not allowed here${allow ? `; use ${allow}` : ''}`;
		case 413:
			return 'the request body is too large';
		case 415:
			return 'the request body is not of a type this endpoint reads';
		default:
			return (STATUS_CODES[status] ?? 'the request could not be answered').toLowerCase();
	}
}

/** The error body as JSON text. */
export function errorJson(message: string, field?: string): string {
	return JSON.stringify({ error: { message, ...(field ? { field } : {}) } });
}

/** Whether a parsed body is in the error shape. */
export function isErrorShape(body: unknown): boolean {
	if (typeof body !== 'object' || body === null || !('error' in body)) return false;
	const error = body.error;
	if (typeof error !== 'object' || error === null || !('message' in error)) return false;
	if (typeof error.message !== 'string') return false;
	return !('field' in error) || typeof error.field === 'string';
}
