// Under /api every error leaves in the API's shape, `{ error: { message, field? } }`, even the
// ones no endpoint writes: SvelteKit's CSRF 403 (plain text, or `{ message }`) and adapter-node's
// 400 for a request it cannot turn into a Request (a Host that is not a host name, TRACE) never
// pass through SvelteKit's handle. An error's answer is held until it ends (error bodies are
// small), checked, and replaced by the shape when it is not in it; other answers pass untouched.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	errorJson,
	fallbackMessage,
	isApiPath,
	isErrorShape
} from '../../src/lib/server/api-error-shape';

type Callback = (error?: Error | null) => void;
type Chunk = string | Uint8Array;

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
	return typeof chunk === 'string'
		? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
		: Buffer.from(chunk);
}

function inShape(res: ServerResponse, body: Buffer): boolean {
	if (!/[/+]json\b/.test(String(res.getHeader('content-type') ?? ''))) return false;
	try {
		return isErrorShape(JSON.parse(body.toString('utf8')));
	} catch {
		return false;
	}
}

/** Wraps a response to a request under /api; call it after any other wrapper (compression). */
export function jsonErrorsUnderApi(req: IncomingMessage, res: ServerResponse): void {
	if (!isApiPath(req.url)) return;
	const writeHead = res.writeHead as (status: number, ...rest: unknown[]) => ServerResponse;
	const write = res.write as (...args: unknown[]) => boolean;
	const end = res.end as (...args: unknown[]) => ServerResponse;
	let held: { status: number; chunks: Buffer[] } | undefined;

	res.writeHead = ((status: number, ...rest: unknown[]) => {
		if (status < 400 || held) return writeHead.call(res, status, ...rest);
		for (const arg of rest) {
			if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) continue;
			for (const [name, value] of Object.entries(arg)) {
				if (value !== undefined) res.setHeader(name, value as string);
			}
		}
		held = { status, chunks: [] };
		return res;
	}) as ServerResponse['writeHead'];

	res.write = ((chunk: Chunk, encoding?: unknown, callback?: Callback) => {
		if (!held) return write.call(res, chunk, encoding, callback);
		held.chunks.push(toBuffer(chunk, encoding));
		(typeof encoding === 'function' ? (encoding as Callback) : callback)?.();
		return true;
	}) as ServerResponse['write'];

	res.end = ((...args: unknown[]) => {
		if (!held && res.statusCode >= 400 && !res.headersSent) {
			held = { status: res.statusCode, chunks: [] };
		}
		if (!held) return end.call(res, ...args);
		const callback = args.find((a): a is Callback => typeof a === 'function');
		const [chunk, encoding] = args;
		if (typeof chunk === 'string' || chunk instanceof Uint8Array) {
			held.chunks.push(toBuffer(chunk, encoding));
		}
		let body = Buffer.concat(held.chunks);
		if (!inShape(res, body)) {
			const allow = res.getHeader('allow');
			const message = fallbackMessage(held.status, req.method ?? 'GET', allow?.toString());
			body = Buffer.from(errorJson(message));
			for (const name of ['content-encoding', 'etag', 'last-modified']) res.removeHeader(name);
			res.setHeader('content-type', 'application/json');
			res.setHeader('cache-control', 'no-store');
		}
		res.setHeader('content-length', body.length);
		writeHead.call(res, held.status);
		return end.call(res, body, callback);
	}) as ServerResponse['end'];
}
