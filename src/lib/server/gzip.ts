import { gzipSync } from 'node:zlib';

// adapter-node compresses the static build but not what endpoints answer. The map's national
// GeoJSON is ~2 MB of highly repetitive JSON that gzip takes to a tenth, in ~20 ms: worth it for
// the one endpoint whose answers are that large (a reverse proxy that compresses sees the
// content-encoding and leaves it alone).
const MIN_BYTES = 8 * 1024;

/** JSON as a Response, gzipped when the client accepts it and it is big enough to matter. */
export function jsonMaybeGzipped(request: Request, body: unknown, contentType: string): Response {
	const text = JSON.stringify(body);
	const headers = new Headers({ 'content-type': contentType, vary: 'accept-encoding' });
	const accepts = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (!accepts || text.length < MIN_BYTES) return new Response(text, { headers });
	headers.set('content-encoding', 'gzip');
	return new Response(gzipSync(text, { level: 6 }), { headers });
}
