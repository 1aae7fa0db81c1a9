// One client may have at most MAX_IN_FLIGHT requests under way at once; beyond that it is
// answered 429, before the app parses anything. With a single JavaScript thread, requests take
// turns in the order they arrive: a client holding 200 connections open kept 200 requests ahead
// of everyone else's, and a static file waited seconds behind them (npm run bench:flood).
// The 429 comes after RETRY_AFTER_SECONDS, not at once: answered at once, such a client asks
// again at once, and its refusals alone kept the thread busy. The build's files (/_app/) are not
// counted: a page loads a dozen of them at once, they cost next to nothing, and browsers keep
// them. A browser opens at most six connections to a site, so a person never meets this limit;
// several people behind one address (a clinic's network) share it.
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_IN_FLIGHT = 16;
const RETRY_AFTER_SECONDS = 1;

const inFlight = new Map<string, number>();

const addressHeader = process.env.ADDRESS_HEADER?.toLowerCase();
const xffDepth = Number(process.env.XFF_DEPTH ?? 1);

/** The client's address by adapter-node's rules (ADDRESS_HEADER, XFF_DEPTH), as the app sees it. */
export function addressOf(req: IncomingMessage): string {
	if (!addressHeader) return req.socket.remoteAddress ?? 'unknown';
	const value = req.headers[addressHeader];
	const text = Array.isArray(value) ? value.join(',') : (value ?? '');
	if (addressHeader !== 'x-forwarded-for') return text.trim() || 'unknown';
	const addresses = text.split(',');
	return addresses[addresses.length - xffDepth]?.trim() || 'unknown';
}

function refuse(req: IncomingMessage, res: ServerResponse): void {
	const body = JSON.stringify({
		error: { message: 'Too many requests at once from this address. Please try again.' }
	});
	res.writeHead(429, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(body),
		'retry-after': String(RETRY_AFTER_SECONDS),
		'cache-control': 'no-store'
	});
	res.end(req.method === 'HEAD' ? undefined : body);
}

/** True when the request may go on; otherwise it is answered 429 (in a second). */
export function admit(client: string, req: IncomingMessage, res: ServerResponse): boolean {
	if (req.url?.startsWith('/_app/')) return true;
	const count = inFlight.get(client) ?? 0;
	if (count >= MAX_IN_FLIGHT) {
		const timer = setTimeout(() => refuse(req, res), RETRY_AFTER_SECONDS * 1000);
		res.once('close', () => clearTimeout(timer));
		return false;
	}
	inFlight.set(client, count + 1);
	res.once('close', () => {
		const left = (inFlight.get(client) ?? 1) - 1;
		if (left <= 0) inFlight.delete(client);
		else inFlight.set(client, left);
	});
	return true;
}
