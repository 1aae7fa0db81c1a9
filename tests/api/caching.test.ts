import { describe, expect, test } from 'vitest';
import { getOk, url } from './http';

// Program pages and the map's points are the same bytes until their data changes, so a browser
// revalidates them by ETag and gets a 304 instead of the page.

describe('HTTP caching', () => {
	test('a program page revalidates by ETag: 304 while unchanged', async () => {
		const { items } = await getOk<{ items: { id: string }[] }>('/api/facilities', [
			['near', '60601'],
			['limit', 1]
		]);
		const page = url(`/facilities/${items[0]!.id}`);
		const first = await fetch(page);
		expect(first.status).toBe(200);
		// `private`: the address names a program; no shared cache may keep it.
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		const etag = first.headers.get('etag');
		expect(etag).toBeTruthy();
		// The same page twice is the same page (no per-response nonce in it).
		expect((await fetch(page)).headers.get('etag')).toBe(etag);
		const again = await fetch(page, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});

	test('the map’s points revalidate by ETag, privately, and change with the search', async () => {
		const points = url('/api/facilities.geojson?near=60601&radius=10&medication=methadone');
		const first = await fetch(points);
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		const etag = first.headers.get('etag');
		expect(etag).toBeTruthy();
		const body = (await first.json()) as { features: unknown[] };
		expect(body.features.length).toBeGreaterThan(0);
		const again = await fetch(points, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		const other = await fetch(url('/api/facilities.geojson?near=60601&radius=10'), {
			headers: { 'if-none-match': etag! }
		});
		expect(other.status).toBe(200);
		expect(other.headers.get('etag')).not.toBe(etag);
	});
});
