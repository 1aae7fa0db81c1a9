// Headers for what never passes through SvelteKit's handle: static files (adapter-node's sirv),
// SvelteKit's trailing-slash redirects and CSRF refusal, adapter-node's 400, and what Node answers
// itself. They are defaults: a header the app sets (its page's CSP, its Cache-Control) wins.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { errorJson } from '../../src/lib/server/api-error-shape';
import { IMMUTABLE, PRIVATE_REVALIDATE } from '../../src/lib/server/cache-control';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../../src/lib/server/security-headers';

const DEFAULTS: OutgoingHttpHeaders = {
	...SECURITY_HEADERS,
	'content-security-policy': FALLBACK_CSP
};

type WriteHead = (status: number, ...rest: unknown[]) => ServerResponse;

/** Whether headers handed to writeHead (an object, or a flat array of names and values) name one. */
function has(given: unknown, name: string): boolean {
	if (Array.isArray(given))
		return given.some((v, i) => i % 2 === 0 && String(v).toLowerCase() === name);
	return Object.keys(given ?? {}).some((key) => key.toLowerCase() === name);
}

/** Sets the defaults on a response before the app sees it. */
export function setDefaultHeaders(req: IncomingMessage, res: ServerResponse): void {
	for (const [name, value] of Object.entries(DEFAULTS)) res.setHeader(name, value!);
	// Hashed build files may be kept by anyone for a year (sirv says so on a 200, not on its 304,
	// which would otherwise downgrade the copy a browser keeps); anything else, unless the app
	// said otherwise, only by this browser, revalidated: it may name a place or ids.
	const hashed = req.url?.startsWith('/_app/immutable/') ?? false;
	const writeHead = res.writeHead as WriteHead;
	res.writeHead = ((status: number, ...rest: unknown[]) => {
		const given = rest.find((a) => typeof a === 'object' && a !== null);
		if (!has(given, 'cache-control') && !res.hasHeader('cache-control')) {
			const policy = hashed && (status === 200 || status === 304) ? IMMUTABLE : PRIVATE_REVALIDATE;
			res.setHeader('cache-control', policy);
		}
		// SvelteKit's CSRF refusal and adapter-node's 400 are plain text that says so nowhere.
		if (status >= 400 && !has(given, 'content-type') && !res.hasHeader('content-type')) {
			res.setHeader('content-type', 'text/plain; charset=utf-8');
		}
		return writeHead.call(res, status, ...rest);
	}) as ServerResponse['writeHead'];
}

/**
 * A whole answer written to the socket by hand, for what Node answers before there is a response
 * object (a request it cannot parse, CONNECT): the defaults, `no-store`, a JSON error body.
 */
export function rawAnswer(
	status: number,
	message: string,
	headers: Record<string, string> = {}
): string {
	const body = errorJson(message);
	const lines = Object.entries({
		...DEFAULTS,
		'cache-control': 'no-store',
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(body)),
		connection: 'close',
		...headers
	}).map(([name, value]) => `${name}: ${String(value)}\r\n`);
	return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`;
}

/** The same answer on a response object (the defaults are already on it). */
export function answer(
	res: ServerResponse,
	status: number,
	message: string,
	headers: Record<string, string> = {}
): void {
	const body = errorJson(message);
	res.writeHead(status, {
		'cache-control': 'no-store',
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body),
		...headers
	});
	res.end(body);
}
