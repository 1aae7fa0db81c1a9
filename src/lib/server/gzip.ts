import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip, gzipSync } from 'node:zlib';

// adapter-node compresses the static build but not what endpoints answer (`npm start` wraps it in
// `compression`, a bare `node build` does not). Endpoints whose answers are large or served again
// and again compress themselves: the map's national GeoJSON is ~2 MB of highly repetitive JSON
// that gzip takes to a tenth, and a repeated search's page is gzipped once, not per request. A
// proxy or middleware that compresses sees the content-encoding and leaves the answer alone.
// Below this size (compression's own threshold) gzip's header outweighs what it saves.
const MIN_BYTES = 1024;

/** A JSON text, with its gzip made the first time a client accepts it, then kept. */
export class JsonBody {
	#gzipped: Buffer | undefined;

	constructor(readonly text: string) {}

	get gzipped(): Buffer {
		return (this.#gzipped ??= gzipSync(this.text, { level: 6 }));
	}
}

/** The body as a Response, gzipped when the client accepts it and it is big enough to matter. */
export function jsonResponse(request: Request, body: JsonBody, contentType: string): Response {
	const headers = new Headers({ 'content-type': contentType, vary: 'accept-encoding' });
	const accepts = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (!accepts || body.text.length < MIN_BYTES) return new Response(body.text, { headers });
	headers.set('content-encoding', 'gzip');
	return new Response(new Uint8Array(body.gzipped), { headers });
}

/**
 * A large answer kept for repeats: only its gzip (a tenth of the text) and an ETag of the text,
 * so a client that has it already gets a 304.
 */
export interface KeptJson {
	etag: string;
	gzipped: Buffer;
}

const gzipAsync = promisify(gzip);

/**
 * Compresses off the event loop (zlib's thread pool): a national map answer is 2 MB, whose gzip
 * held the server's one thread for 25–60 ms, and a flood of them held every other request. The
 * ETag hashes the gzipped bytes, a tenth of the text.
 */
export async function keepJson(text: string): Promise<KeptJson> {
	const gzipped = await gzipAsync(text, { level: 6 });
	const hash = createHash('sha1').update(gzipped).digest('base64url');
	// Weak: the gzipped and plain bytes differ, but they are the same answer.
	return { etag: `W/"${hash}"`, gzipped };
}

/** A kept answer: 304 when the client's copy is current, else gzipped (or not, if refused). */
export function keptResponse(
	request: Request,
	kept: KeptJson,
	contentType: string,
	cacheControl: string
): Response {
	const headers = new Headers({
		'content-type': contentType,
		vary: 'accept-encoding',
		etag: kept.etag,
		'cache-control': cacheControl
	});
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
	const known = request.headers.get('if-none-match') ?? '';
	if (known.split(',').some((tag) => opaque(tag) === opaque(kept.etag))) {
		return new Response(null, { status: 304, headers });
	}
	if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		return new Response(gunzipSync(kept.gzipped), { headers });
	}
	headers.set('content-encoding', 'gzip');
	return new Response(new Uint8Array(kept.gzipped), { headers });
}
