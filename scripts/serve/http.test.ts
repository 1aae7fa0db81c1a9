import { connect, type AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAppServer } from './http';

// The Node layer around a handler that answers as adapter-node's parts do: sirv (writeHead with
// its headers, a bare 304), SvelteKit's setResponse (setHeader, then writeHead(status)) and
// adapter-node's own 400 (statusCode, end). The built app's answers: tests/api/headers.test.ts.

function handler(req: IncomingMessage, res: ServerResponse): void {
	const path = req.url ?? '/';
	if (path === '/_app/immutable/a.js') {
		if (req.headers['if-none-match']) res.writeHead(304).end();
		else {
			res.setHeader('cache-control', 'public,max-age=31536000,immutable');
			res.writeHead(200, { 'content-type': 'text/javascript' }).end('1');
		}
	} else if (path.startsWith('/api/kit-405')) {
		res.setHeader('allow', 'GET, HEAD');
		res.writeHead(405);
		res.write('PUT method ');
		res.end('not allowed');
	} else if (path === '/api/csrf' || path === '/form') {
		res.setHeader('content-length', '9');
		res.writeHead(403);
		res.end('Forbidden');
	} else if (path === '/api/bad') {
		res.statusCode = 400;
		res.end('Bad Request');
	} else if (path === '/api/own-error') {
		const body = JSON.stringify({ error: { message: 'near is required', field: 'near' } });
		res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
		res.end(body);
	} else {
		res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-cache' }).end('<p>');
	}
}

let base = '';
const server = createAppServer(handler);
beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, init?: RequestInit) => fetch(base + path, init);

/** What the server writes back to `request` sent as it is (methods fetch will not send). */
function raw(request: string): Promise<string> {
	const { port } = new URL(base);
	return new Promise((resolve) => {
		const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
		let text = '';
		socket.on('data', (chunk) => (text += chunk.toString()));
		socket.on('close', () => resolve(text));
	});
}

describe('createAppServer', () => {
	test('every answer gets the security headers; the handler’s own values win', async () => {
		for (const path of ['/', '/form', '/_app/immutable/a.js', '/api/bad']) {
			const response = await get(path);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
			const csp = response.headers.get('content-security-policy');
			// A script's policy would become its worker's (the map's MapLibre worker): none.
			if (path.endsWith('.js')) expect(csp, path).toBeNull();
			else expect(csp, path).toMatch(/frame-ancestors/);
		}
		expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
	});

	test('Cache-Control: private unless said; a hashed file’s 304 keeps its year', async () => {
		expect((await get('/form')).headers.get('cache-control')).toBe('private, no-cache');
		const again = await get('/_app/immutable/a.js', { headers: { 'if-none-match': 'x' } });
		expect(again.status).toBe(304);
		expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
	});

	test('an error without a type says text/plain outside /api', async () => {
		const response = await get('/form');
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(await response.text()).toBe('Forbidden');
	});

	test('under /api, errors in other shapes become { error: { message } } (Allow kept)', async () => {
		for (const [path, status] of [
			['/api/kit-405', 405],
			['/api/csrf', 403],
			['/api/bad', 400]
		] as const) {
			const response = await get(path);
			expect(response.status, path).toBe(status);
			expect(response.headers.get('content-type'), path).toBe('application/json');
			expect(response.headers.get('cache-control'), path).toBe('no-store');
			const body = (await response.json()) as { error: { message: string } };
			expect(typeof body.error.message, path).toBe('string');
		}
		const allowed = await get('/api/kit-405', { method: 'PUT' });
		expect(allowed.headers.get('allow')).toBe('GET, HEAD');
		expect(await allowed.json()).toEqual({
			error: { message: 'PUT is not allowed here; use GET, HEAD' }
		});
	});

	test('an error already in the shape passes as it is', async () => {
		const response = await get('/api/own-error');
		expect(await response.json()).toEqual({
			error: { message: 'near is required', field: 'near' }
		});
	});

	test('TRACE and CONNECT are 405s with Allow; a missing Host is a 400 that says so', async () => {
		const cases: [string, RegExp][] = [
			['TRACE /api/bad HTTP/1.1\r\nhost: x\r\n\r\n', /^HTTP\/1\.1 405[\s\S]*allow: GET, HEAD/],
			['CONNECT example.com:443 HTTP/1.1\r\nhost: x\r\n\r\n', /^HTTP\/1\.1 405[\s\S]*nosniff/],
			['GET / HTTP/1.1\r\n\r\n', /^HTTP\/1\.1 400[\s\S]*the Host header is required/],
			['BREW / HTTP/1.1\r\nhost: x\r\n\r\n', /^HTTP\/1\.1 400[\s\S]*no-referrer/]
		];
		for (const [request, expected] of cases) expect(await raw(request)).toMatch(expected);
	});
});
