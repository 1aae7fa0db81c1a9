import { connect } from 'node:net';
import { inject } from 'vitest';

// HTTP by hand, for requests no HTTP client will send (unknown methods, CONNECT, broken
// encodings, raw bytes, traversal that a URL parser would resolve): one request per connection.

export interface RawAnswer {
	status: number;
	/** Lower-case names; repeated headers joined by ", ". */
	headers: Record<string, string>;
	/** Decoded from chunked transfer encoding, as latin1 text. */
	body: string;
}

export function target(): { host: string; port: number } {
	const { hostname, port } = new URL(inject('baseURL'));
	return { host: hostname, port: Number(port) };
}

function dechunk(body: string): string {
	let out = '';
	let at = 0;
	for (;;) {
		const eol = body.indexOf('\r\n', at);
		if (eol < 0) return out;
		const size = parseInt(body.slice(at, eol), 16);
		if (!(size > 0)) return out;
		out += body.slice(eol + 2, eol + 2 + size);
		at = eol + 2 + size + 2;
	}
}

/** Parses the last final (non-1xx) answer in what the server sent, or null for nothing. */
export function parseAnswer(text: string): RawAnswer | null {
	let rest = text;
	for (;;) {
		const end = rest.indexOf('\r\n\r\n');
		if (end < 0) return null;
		const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
		const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
		if (!status) return null;
		rest = rest.slice(end + 4);
		if (status < 200) continue;
		const headers: Record<string, string> = {};
		for (const line of lines) {
			const colon = line.indexOf(':');
			const name = line.slice(0, colon).trim().toLowerCase();
			const value = line.slice(colon + 1).trim();
			headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
		}
		const chunked = /chunked/i.test(headers['transfer-encoding'] ?? '');
		return { status, headers, body: chunked ? dechunk(rest) : rest };
	}
}

/**
 * Sends `request` as it is and reads until the server closes the connection (every request here
 * says `Connection: close`, or is one the server closes after). Null when nothing came back.
 */
export function rawRequest(
	request: string | Buffer,
	timeoutMs = 20_000
): Promise<RawAnswer | null> {
	const { host, port } = target();
	return new Promise((resolve, reject) => {
		const socket = connect(port, host);
		const chunks: Buffer[] = [];
		socket.on('connect', () => socket.write(request));
		socket.on('data', (chunk) => chunks.push(chunk));
		// The server may close while parts of a refused request are unsent.
		socket.on('error', () => {});
		socket.setTimeout(timeoutMs, () => {
			socket.destroy();
			reject(
				new Error(`no end to the answer in ${timeoutMs} ms: ${String(request).slice(0, 200)}`)
			);
		});
		socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks).toString('latin1'))));
	});
}

/** A request's text: request line, Host (unless given), the headers, Connection: close. */
export function rawText(
	method: string,
	path: string,
	headers: Record<string, string> = {},
	body = ''
): string {
	const { host, port } = target();
	const all = { host: `${host}:${port}`, ...headers, connection: 'close' };
	const lines = Object.entries(all).map(([name, value]) => `${name}: ${value}\r\n`);
	return `${method} ${path} HTTP/1.1\r\n${lines.join('')}\r\n${body}`;
}
