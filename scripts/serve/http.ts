// The HTTP server `npm start` runs around adapter-node's handler: what every request passes
// through before SvelteKit sees it, and what Node itself answers (requests it cannot parse).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import compression from 'compression';
import { prepareRequest } from '../../src/lib/server/proxy';
import { clientKey } from '../../src/lib/server/client-key';
import { addressOf, admit } from './in-flight';

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

// Node refuses a request it cannot parse before the app sees it, by default with a bare status
// line and no body, or none at all. Answer like the API does instead: JSON naming the problem.
// The usual case is a URL (or headers) beyond Node's 16 KB limit.
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
	// As Node's own handler: nothing to answer on a reset socket, or over a response under way.
	const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
	if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
		socket.destroy();
		return;
	}
	const tooLong = error.code === 'HPE_HEADER_OVERFLOW';
	const [status, reason, message] = tooLong
		? [431, 'Request Header Fields Too Large', 'the URL and headers may be 16 KB at most']
		: [400, 'Bad Request', 'the request is not valid HTTP'];
	const body = JSON.stringify({ error: { message } });
	socket.end(
		`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\n` +
			`content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
	);
}

/** The server for the built app's `handler` (build/handler.js). */
export function createAppServer(handler: Handler) {
	// Pages, JSON and scripts are text that gzip shrinks 4–8×: on a phone that is most of the load
	// time (Lighthouse's uses-text-compression). adapter-node's handler does not compress.
	const compress = compression();
	const server = createServer((req, res) => {
		if (
			!admit(
				clientKey(() => addressOf(req)),
				req,
				res
			)
		)
			return;
		prepareRequest(req);
		compress(req as never, res as never, () => handler(req, res));
	});
	server.on('clientError', answerClientError);
	return server;
}
