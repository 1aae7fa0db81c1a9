import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { JsonBody, jsonResponse, keepJson, keptResponse } from './gzip';

const jsonMaybeGzipped = (request: Request, body: unknown, type: string) =>
	jsonResponse(request, new JsonBody(JSON.stringify(body)), type);

const big = { items: Array.from({ length: 2000 }, (_, i) => ({ id: i, kind: 'buprenorphine' })) };
const request = (encoding?: string) =>
	new Request('http://localhost/', { headers: encoding ? { 'accept-encoding': encoding } : {} });

test('gzipped when accepted and large', async () => {
	const response = jsonMaybeGzipped(request('gzip, deflate, br'), big, 'application/geo+json');
	expect(response.headers.get('content-encoding')).toBe('gzip');
	expect(response.headers.get('vary')).toBe('accept-encoding');
	const bytes = Buffer.from(await response.arrayBuffer());
	expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(big);
});

test('plain when not accepted, or small', async () => {
	const plain = jsonMaybeGzipped(request(), big, 'application/json');
	expect(plain.headers.get('content-encoding')).toBeNull();
	expect(await plain.json()).toEqual(big);
	const small = jsonMaybeGzipped(request('gzip'), { a: 1 }, 'application/json');
	expect(small.headers.get('content-encoding')).toBeNull();
});

test('a kept body is gzipped once, however often it is served', async () => {
	const body = new JsonBody(JSON.stringify(big));
	const first = jsonResponse(request('gzip'), body, 'application/json');
	const gzipped = body.gzipped;
	const second = jsonResponse(request('gzip'), body, 'application/json');
	expect(body.gzipped).toBe(gzipped);
	for (const response of [first, second]) {
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual(big);
	}
	expect(await jsonResponse(request(), body, 'application/json').json()).toEqual(big);
});

test('a kept answer: gzipped, plain when gzip is refused, and 304 for the client that has it', async () => {
	const kept = await keepJson(JSON.stringify(big));
	const type = 'application/geo+json';
	const zipped = keptResponse(request('gzip'), kept, type, 'private, no-cache');
	expect(zipped.status).toBe(200);
	expect(zipped.headers.get('content-encoding')).toBe('gzip');
	expect(zipped.headers.get('cache-control')).toBe('private, no-cache');
	const etag = zipped.headers.get('etag')!;
	expect(etag).toMatch(/^W\/"[\w-]+"$/);
	expect(JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString())).toEqual(big);

	const plain = keptResponse(request(), kept, type, 'no-cache');
	expect(plain.headers.get('content-encoding')).toBeNull();
	expect(await plain.json()).toEqual(big);

	for (const ifNoneMatch of [etag, etag.slice(2), `"other", ${etag}`]) {
		const again = new Request('http://localhost/', { headers: { 'if-none-match': ifNoneMatch } });
		const notModified = keptResponse(again, kept, type, 'no-cache');
		expect(notModified.status, ifNoneMatch).toBe(304);
		expect(await notModified.text()).toBe('');
	}
	const stale = new Request('http://localhost/', { headers: { 'if-none-match': 'W/"old"' } });
	expect(keptResponse(stale, kept, type, 'no-cache').status).toBe(200);
	expect((await keepJson('{"other":1}')).etag).not.toBe(etag);
});
