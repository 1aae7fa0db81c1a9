import { afterEach, expect, test, vi } from 'vitest';
import { fetchPins } from './pins';

afterEach(() => vi.unstubAllGlobals());

test('one request per search, reused; a new search asks again', async () => {
	const fetch = vi.fn(async (url: string) =>
		Response.json({ type: 'FeatureCollection', features: [], url })
	);
	vi.stubGlobal('fetch', fetch);
	const a = fetchPins('near=05401');
	expect(fetchPins('near=05401')).toBe(a);
	await expect(a).resolves.toMatchObject({ url: '/api/facilities.geojson?near=05401' });
	await fetchPins('');
	expect(fetch.mock.calls.map(([url]) => url)).toEqual([
		'/api/facilities.geojson?near=05401',
		'/api/facilities.geojson'
	]);
});

test('a failed request is null, not an exception', async () => {
	vi.stubGlobal('fetch', async () => new Response('no', { status: 500 }));
	await expect(fetchPins('medication=methadone')).resolves.toBeNull();
	vi.stubGlobal('fetch', async () => Promise.reject(new Error('offline')));
	await expect(fetchPins('medication=naltrexone')).resolves.toBeNull();
});
