import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { JsonBody, jsonMaybeGzipped, jsonResponse } from './gzip';

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
