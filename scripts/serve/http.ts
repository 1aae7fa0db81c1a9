// The HTTP server `npm start` runs around adapter-node's handler: what every request passes
// through before SvelteKit sees it, and what Node itself answers (requests it cannot parse).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import compression from 'compression';
import { prepareRequest } from '../../src/lib/server/proxy';
import { clientKey } from '../../src/lib/server/client-key';
import { jsonErrorsUnderApi } from './api-errors';
import { answer, rawAnswer, setDefaultHeaders } from './defaults';
import { addressOf, admit } from './in-flight';

type Handler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

// Methods the Fetch API cannot carry (new Request throws), so adapter-node would answer a bare
// 400: refuse them here, as the routes do any other method they do not serve.
const UNSERVED_METHODS = new Set(['TRACE', 'CONNECT']);
const ALLOW = { allow: 'GET, HEAD' };

// Node refuses a request it cannot parse before the app sees it, by default with a bare status
// line and no body, or none at all. Answer like the API does instead: JSON naming the problem,
// with the headers every response carries. The usual case is a URL (or headers) beyond Node's
// 16 KB limit.
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
	if (error.code === 'ECONNRESET' || !socket.writable) {
		socket.destroy();
		return;
	}
	// A request whose headers were fine but whose body is not (a Transfer-Encoding the parser
	// refuses): the app is answering it already; close once it has.
	const current = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
	if (current && !current.writableFinished) {
		const close = () => socket.destroy();
		current.once('finish', close).once('close', close);
		setTimeout(close, 10_000).unref();
		return;
	}
	const [status, message] =
		error.code === 'HPE_HEADER_OVERFLOW'
			? [431, 'the URL and headers may be 16 KB at most']
			: error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
				? [408, 'the request took too long to arrive']
				: [400, 'the request is not valid HTTP'];
	socket.end(rawAnswer(status, message));
}

/** Answers what the app should never see; returns whether it did. */
function refuse(req: IncomingMessage, res: ServerResponse): boolean {
	if (UNSERVED_METHODS.has(req.method ?? '')) {
		answer(res, 405, `${req.method} is not allowed here; use GET or HEAD`, ALLOW);
		return true;
	}
	// Node's own check (requireHostHeader) answers a bare 400; this one says why.
	if (req.httpVersion === '1.1' && !req.headers.host) {
		answer(res, 400, 'the Host header is required');
		return true;
	}
	return false;
}

/** The server for the built app's `handler` (build/handler.js). */
export function createAppServer(handler: Handler) {
	// Pages, JSON and scripts are text that gzip shrinks 4–8×: on a phone that is most of the load
	// time (Lighthouse's uses-text-compression). adapter-node's handler does not compress.
	const compress = compression();
	const server = createServer({ requireHostHeader: false }, (req, res) => {
		prepareRequest(req);
		compress(req as never, res as never, () => {
			setDefaultHeaders(req, res);
			if (refuse(req, res)) return;
			if (
				!admit(
					clientKey(() => addressOf(req)),
					req,
					res
				)
			)
				return;
			// Last, so that it sees (and can replace) an error before compression does.
			jsonErrorsUnderApi(req, res);
			handler(req, res);
		});
	});
	server.on('clientError', answerClientError);
	// Without a listener Node drops a CONNECT (a proxy request) without a word.
	server.on('connect', (req: IncomingMessage, socket: Duplex) => {
		socket.end(rawAnswer(405, 'CONNECT is not allowed here; use GET or HEAD', ALLOW));
	});
	// Node's own 417 for an Expect it does not know has no headers or body.
	server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
		setDefaultHeaders(req, res);
		answer(res, 417, 'the Expect header may only be 100-continue', { connection: 'close' });
	});
	return server;
}
