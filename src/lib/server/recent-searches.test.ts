import { expect, test, vi } from 'vitest';
import { recentStore } from './recent-searches';

function counter() {
	let calls = 0;
	const compute = (value: string) => () => {
		calls++;
		return Promise.resolve(value);
	};
	return { compute, calls: () => calls };
}

test('a repeat within the same import is answered from memory', async () => {
	const store = recentStore<string>(() => Promise.resolve(1));
	const { compute, calls } = counter();
	expect(await store.get('a', compute('first'))).toBe('first');
	expect(await store.get('a', compute('second'))).toBe('first');
	expect(await store.get('b', compute('other'))).toBe('other');
	expect(calls()).toBe(2);
});

test('a new import makes every kept answer stale', async () => {
	let version = 1;
	const store = recentStore<string>(() => Promise.resolve(version));
	const { compute } = counter();
	await store.get('a', compute('before'));
	version = 2;
	expect(await store.get('a', compute('after'))).toBe('after');
});

test('concurrent requests for one key share one computation', async () => {
	const store = recentStore<number>(() => Promise.resolve(1));
	let calls = 0;
	const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 10));
	expect(await Promise.all([store.get('k', slow), store.get('k', slow)])).toEqual([1, 1]);
	expect(calls).toBe(1);
});

test('failures are not kept, and a failing version check fails the request', async () => {
	const store = recentStore<string>(() => Promise.resolve(1));
	await expect(store.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
	expect(store.size).toBe(0);
	expect(await store.get('a', () => Promise.resolve('up'))).toBe('up');

	const offline = recentStore<string>(() => Promise.reject(new Error('no database')));
	await expect(offline.get('a', () => Promise.resolve('x'))).rejects.toThrow('no database');
});

test('entries expire after a minute, and the least recently used go first', async () => {
	vi.useFakeTimers();
	try {
		const store = recentStore<string>(() => Promise.resolve(1));
		await store.get('old', () => Promise.resolve('old'));
		vi.advanceTimersByTime(61_000);
		expect(await store.get('old', () => Promise.resolve('new'))).toBe('new');

		for (let i = 0; i < 2_000; i++) await store.get(`k${i}`, () => Promise.resolve(`v${i}`));
		// 'old' went when k1999 came; using k0 makes k1 the least recent.
		await store.get('k0', () => Promise.resolve('recomputed'));
		await store.get('extra', () => Promise.resolve('extra'));
		expect(store.size).toBe(2_000);
		expect(await store.get('k1', () => Promise.resolve('gone'))).toBe('gone');
		expect(await store.get('k0', () => Promise.resolve('unused'))).toBe('v0');
	} finally {
		vi.useRealTimers();
	}
});
