// Headers for what never passes through SvelteKit's handle: static files (adapter-node's sirv),
// SvelteKit's trailing-slash redirects and CSRF refusal, adapter-node's 400, and what Node answers
// itself. They are defaults: a header the app sets (its page's CSP, its Cache-Control) wins.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { errorJson } from '../../src/lib/server/api-error-shape';
import { IMMUTABLE, PRIVATE_REVALIDATE } from '../../src/lib/server/cache-control';
import { FALLBACK_CSP, SECURITY_HEADERS } from '../../src/lib/server/security-headers';

// What Node answers by hand is never a script: the whole set, and the policy of non-pages.
const DEFAULTS: OutgoingHttpHeaders = {
	...SECURITY_HEADERS,
	'content-security-policy': FALLBACK_CSP
};

type WriteHead = (status: number, ...rest: unknown[]) => ServerResponse;

/** A header as it will go out: from writeHead's own (an object or a flat array), else set. */
function outgoing(res: ServerResponse, given: unknown, name: string): string | undefined {
	const pairs: unknown[] = Array.isArray(given) ? given : Object.entries(given ?? {}).flat();
	for (let i = 0; i < pairs.length; i += 2) {
		if (String(pairs[i]).toLowerCase() === name) return String(pairs[i + 1]);
	}
	const value = res.getHeader(name);
	return value === undefined ? undefined : String(value);
}

// A script's own Content-Security-Policy becomes the policy of a worker started from it (the
// map's MapLibre worker, which fetches the map's data): `default-src 'none'` would stop it. Which
// scripts may run at all is the page's policy's to say.
const SCRIPT = /\.m?js$|javascript/i;

/** Sets the defaults on a response before the app sees it. */
export function setDefaultHeaders(req: IncomingMessage, res: ServerResponse): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	const path = req.url?.split('?')[0] ?? '';
	// Hashed build files may be kept by anyone for a year (sirv says so on a 200, not on its 304,
	// which would otherwise downgrade the copy a browser keeps); anything else, unless the app
	// said otherwise, only by this browser, revalidated: it may name a place or ids.
	const hashed = path.startsWith('/_app/immutable/');
	const writeHead = res.writeHead as WriteHead;
	res.writeHead = ((status: number, ...rest: unknown[]) => {
		const given = rest.find((a) => typeof a === 'object' && a !== null);
		if (outgoing(res, given, 'cache-control') === undefined) {
			const policy = hashed && (status === 200 || status === 304) ? IMMUTABLE : PRIVATE_REVALIDATE;
			res.setHeader('cache-control', policy);
		}
		const type = outgoing(res, given, 'content-type');
		// SvelteKit's CSRF refusal and adapter-node's 400 are plain text that says so nowhere.
		if (status >= 400 && type === undefined) {
			res.setHeader('content-type', 'text/plain; charset=utf-8');
		}
		const script = SCRIPT.test(path) || SCRIPT.test(type ?? '');
		// Not on a 304: its headers replace those of the answer the browser kept, and a page's
		// own policy (which SvelteKit does not repeat on a 304) must stay.
		if (
			!script &&
			status !== 304 &&
			outgoing(res, given, 'content-security-policy') === undefined
		) {
			res.setHeader('content-security-policy', FALLBACK_CSP);
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
