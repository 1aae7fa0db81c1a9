import type { IncomingMessage } from 'node:http';
import { restoreSameOrigin } from './fetch-metadata';

// SvelteKit checks that a form POST comes from the site's own origin, which adapter-node
// works out as https://<host> unless told otherwise, so forms would be refused on this plain
// HTTP server. Unless ORIGIN is set, the protocol comes from X-Forwarded-Proto (a TLS proxy
// in front sets it), and a request without one arrived here over plain HTTP.
const trustProto = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (trustProto) process.env.PROTOCOL_HEADER = 'x-forwarded-proto';

/** Called on every request before adapter-node's handler sees it. */
export function prepareRequest(req: IncomingMessage): void {
	if (trustProto && !req.headers['x-forwarded-proto']) req.headers['x-forwarded-proto'] = 'http';
	const proto = req.headers['x-forwarded-proto'] ?? 'https';
	restoreSameOrigin(req.headers, process.env.ORIGIN ?? `${proto}://${req.headers.host}`);
}
