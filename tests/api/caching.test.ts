import { describe, expect, test } from 'vitest';
import { getOk, url } from './http';

// Program pages are the same bytes until their data changes, so a browser revalidates them by
// ETag and gets a 304 instead of the page.

describe('HTTP caching', () => {
	test('a program page revalidates by ETag: 304 while unchanged', async () => {
		const { items } = await getOk<{ items: { id: string }[] }>('/api/facilities', [
			['near', '60601'],
			['limit', 1]
		]);
		const page = url(`/facilities/${items[0]!.id}`);
		const first = await fetch(page);
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('no-cache');
		const etag = first.headers.get('etag');
		expect(etag).toBeTruthy();
		// The same page twice is the same page (no per-response nonce in it).
		expect((await fetch(page)).headers.get('etag')).toBe(etag);
		const again = await fetch(page, { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});
});
