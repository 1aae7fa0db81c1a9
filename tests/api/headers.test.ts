import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { root } from '../../scripts/test/server';
import { directives, headersOf, problems, type Seen } from './header-rules';
import { getOk, url } from './http';
import { rawRequest, rawText, target } from './raw';

// Every route, and every status the server can answer with, carries the security headers and a
// Cache-Control that keeps anything naming a place, ids or a person out of shared caches: 200s,
// their 304s, HEAD, redirects (SvelteKit's trailing-slash 308 never reaches its handle), 4xx from
// the app, from SvelteKit (405, CSRF 403) and from Node (400, 431). The routes are read from
// src/routes, so a new route without a sample here fails the first test.

/** The routes in src/routes (SvelteKit route ids), from their +page / +server files. */
function routeIds(dir = path.join(root, 'src', 'routes'), id = ''): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) {
			const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
			found.push(...routeIds(path.join(dir, entry.name), id + segment));
		} else if (/^\+(page\.svelte|server\.ts)$/.test(entry.name)) {
			found.push(id || '/');
		}
	}
	return [...new Set(found)];
}

let id = '';

// One good address per route, and one it refuses (bad input or nothing there).
const SAMPLES: Record<string, () => { ok: string; refused: string; page?: boolean }> = {
	'/': () => ({ ok: '/', refused: '/%E0%A4%A', page: true }),
	'/about/data': () => ({ ok: '/about/data', refused: '/about/data/x', page: true }),
	'/about/privacy': () => ({ ok: '/about/privacy', refused: '/about/privacy/x', page: true }),
	'/help': () => ({ ok: '/help', refused: '/help/x', page: true }),
	'/api/[...rest]': () => ({ ok: '/api/no-such-thing?near=02139', refused: '/api' }),
	'/api/facilities': () => ({
		ok: '/api/facilities?near=Boston%2C+MA',
		refused: '/api/facilities?near=Boston%2C+MA&radius=7'
	}),
	'/api/facilities.geojson': () => ({
		ok: '/api/facilities.geojson?near=02139&radius=10',
		refused: '/api/facilities.geojson?near=zzzzzz'
	}),
	'/api/facilities/[id]': () => ({ ok: `/api/facilities/${id}`, refused: '/api/facilities/NO' }),
	'/api/filters': () => ({ ok: '/api/filters', refused: '/api/filters/x' }),
	'/api/openapi.json': () => ({ ok: '/api/openapi.json', refused: '/api/openapi.json/x' }),
	'/api/places/nearest-zip': () => ({
		ok: '/api/places/nearest-zip?lat=42.36&lng=-71.06',
		refused: '/api/places/nearest-zip?lat=91&lng=0'
	}),
	'/facilities/[id]': () => ({ ok: `/facilities/${id}`, refused: '/facilities/NO', page: true }),
	'/healthz': () => ({ ok: '/healthz', refused: '/healthz/x' }),
	'/search': () => ({
		ok: '/search?near=Boston%2C+MA&medication=methadone',
		refused: '/search?near=02139&radius=7',
		page: true
	}),
	'/shortlist': () => ({ ok: '/shortlist', refused: '/shortlist/x', page: true }),
	'/shortlist/compare': () => ({
		ok: `/shortlist/compare?ids=${id}`,
		refused: '/shortlist/compare?ids=NO',
		page: true
	}),
	'/shortlist/shared': () => ({
		ok: `/shortlist/shared?ids=${id}`,
		refused: '/shortlist/shared',
		page: true
	}),
	'/states/[state]': () => ({ ok: '/states/NY', refused: '/states/ZZ', page: true })
};

async function seen(path: string, init: RequestInit = {}): Promise<Seen> {
	const response = await fetch(url(path), { redirect: 'manual', ...init });
	return { status: response.status, headers: headersOf(response), body: await response.text() };
}

function expectClean(path: string, answer: Seen | null, method = 'GET'): asserts answer is Seen {
	expect(answer, `${path}: no answer`).not.toBeNull();
	expect(problems(path, answer!, method)).toEqual([]);
}

beforeAll(async () => {
	const { items } = await getOk<{ items: { id: string }[] }>('/api/facilities', [
		['near', '10001'],
		['limit', 1]
	]);
	id = items[0]!.id;
});

describe('every route', () => {
	test('has a sample here', () => {
		expect(Object.keys(SAMPLES).sort()).toEqual(routeIds().sort());
	});

	for (const route of routeIds()) {
		test(`${route}: 200, its 304, HEAD, the trailing-slash 308, a refusal, PUT`, async () => {
			const sample = SAMPLES[route]?.();
			if (!sample) throw new Error(`no sample for ${route} in SAMPLES`);
			const ok = await seen(sample.ok);
			expect(ok.status, sample.ok).toBe(route === '/api/[...rest]' ? 404 : 200);
			expectClean(sample.ok, ok);
			if (ok.headers.etag) {
				const again = await seen(sample.ok, { headers: { 'if-none-match': ok.headers.etag } });
				expect(again.status, `${sample.ok} revalidated`).toBe(304);
				expectClean(sample.ok, again);
				expect(again.headers['cache-control']).toBe(ok.headers['cache-control']);
			}
			expectClean(sample.ok, await seen(sample.ok, { method: 'HEAD' }), 'HEAD');

			const [pathname, query] = sample.ok.split('?');
			if (pathname !== '/') {
				const slashed = `${pathname}/${query ? `?${query}` : ''}`;
				const redirect = await seen(slashed);
				expect(redirect.status, slashed).toBe(308);
				expect(redirect.headers.location).toBe(sample.ok);
				expectClean(slashed, redirect);
			}
			if (sample.page) {
				const data = `${pathname === '/' ? '' : pathname}/__data.json${query ? `?${query}` : ''}`;
				const answer = await seen(data);
				expect(answer.status, data).toBe(200);
				expectClean(data, answer);
			}

			const refused = await seen(sample.refused);
			expect(refused.status, sample.refused).toBeGreaterThanOrEqual(400);
			expectClean(sample.refused, refused);
			// Not a form's content type: that would be refused as a cross-site form post (below).
			const put = await seen(sample.ok, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			});
			expect([404, 405], `PUT ${sample.ok}`).toContain(put.status);
			expectClean(sample.ok, put);
		});
	}
});

describe('statuses', () => {
	test('redirects: 303 from a place typed over a location, 308 to the state code', async () => {
		for (const [path, status] of [
			['/search?near=10001&lat=40&lng=-74', 303],
			['/states/ny?page=1', 308]
		] as const) {
			const answer = await seen(path);
			expect(answer.status, path).toBe(status);
			expectClean(path, answer);
		}
	});

	test('a cross-site form post: 403 with a Content-Type, JSON under /api', async () => {
		const { host, port } = target();
		for (const path of [`/facilities/${id}?/report`, '/api/facilities', '/search']) {
			for (const accept of ['text/html', 'application/json']) {
				const answer = await seen(path, {
					method: 'POST',
					headers: {
						origin: 'http://evil.example',
						accept,
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: 'kind=closed'
				});
				expect(answer.status, path).toBe(403);
				expectClean(path, answer);
			}
		}
		// The same post from the site itself is not refused for its origin.
		const own = await seen(`/facilities/${id}?/report`, {
			method: 'POST',
			// As a proxy in front would say; without it, server processes forked by `npm start`
			// (PostgreSQL) take the request for HTTPS (see the integration notes).
			headers: {
				origin: `http://${host}:${port}`,
				'x-forwarded-proto': 'http',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'kind=not-a-kind'
		});
		expect(own.status).not.toBe(403);
		expectClean(`/facilities/${id}?/report`, own);
	});

	test('405 with Allow: SvelteKit’s (JSON under /api) and the methods Fetch cannot carry', async () => {
		for (const method of ['PUT', 'DELETE', 'PATCH', 'POST', 'OPTIONS', 'PROPFIND']) {
			for (const path of ['/api/facilities', '/api/filters', '/search', '/healthz']) {
				const answer = await rawRequest(rawText(method, path, { 'content-length': '0' }));
				expectClean(`${method} ${path}`, answer);
				// SvelteKit answers OPTIONS on a page itself (204, with Allow).
				const page = path === '/search' && method === 'OPTIONS';
				expect(answer.status, `${method} ${path}`).toBe(page ? 204 : 405);
			}
		}
		const trace = await rawRequest(rawText('TRACE', '/api/facilities'));
		expectClean('TRACE', trace);
		expect(trace.status).toBe(405);
		const connect = await rawRequest(rawText('CONNECT', 'example.com:443'));
		expectClean('CONNECT', connect);
		expect(connect.status).toBe(405);
	});

	test("Node's own answers: 400 for what is not HTTP, 431 for 16 KB, 417, no Host", async () => {
		const long = 'a'.repeat(17_000);
		const cases: [string, string, number][] = [
			['/api/facilities', rawText('BREW', '/api/facilities'), 400],
			['/', 'HELLO\r\n\r\n', 400],
			['/api/facilities', rawText('GET', `/api/facilities?near=${long}`), 431],
			['/search', rawText('GET', '/search', { cookie: long }), 431],
			['/api/facilities', rawText('GET', '/api/facilities', { expect: 'tea' }), 417],
			['/api/facilities', 'GET /api/facilities HTTP/1.1\r\nconnection: close\r\n\r\n', 400],
			['/api/facilities', rawText('GET', '/api/facilities', { host: 'evil example' }), 400]
		];
		for (const [path, request, status] of cases) {
			const answer = await rawRequest(request);
			expectClean(path, answer);
			expect(answer.status, request.slice(0, 60)).toBe(status);
		}
	});

	test('static files: immutable when hashed (and on their 304), revalidated otherwise', async () => {
		const home = await fetch(url('/'));
		const hashed = /\/_app\/immutable\/[^"'<>\s?]+\.js/.exec(await home.text())?.[0];
		expect(hashed, 'a hashed script on the home page').toBeTruthy();
		const file = await seen(hashed!);
		expect(file.status).toBe(200);
		expectClean(hashed!, file);
		const again = await seen(hashed!, { headers: { 'if-none-match': file.headers.etag ?? '' } });
		expect(again.status).toBe(304);
		expectClean(hashed!, again);
		expect(directives(again.headers['cache-control']).sort()).toEqual(
			directives(file.headers['cache-control']).sort()
		);

		for (const path of ['/favicon.svg', '/_app/version.json', '/_app/env.js']) {
			const answer = await seen(path);
			expect(answer.status, path).toBe(200);
			expectClean(path, answer);
			expect(directives(answer.headers['cache-control']), path).toContain('no-cache');
			if (answer.headers.etag) {
				// env.js's ETag is per server process: another process answers 200 again.
				const revalidated = await seen(path, { headers: { 'if-none-match': answer.headers.etag } });
				if (path !== '/_app/env.js') expect(revalidated.status, path).toBe(304);
				expectClean(path, revalidated);
			}
		}
		for (const path of ['/_app/immutable/no-such-file.js', '/no-such-file.svg']) {
			const answer = await seen(path);
			expect(answer.status, path).toBe(404);
			expectClean(path, answer);
		}
	});
});
