import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { jsonMaybeGzipped } from './gzip';

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
