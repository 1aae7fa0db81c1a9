import { describe, expect, test } from 'vitest';
import { UNNAMED } from './migrations';
import { MAX_NOTE } from './schema';
import { BACKUP_KEY, decode, load, save, STORAGE_KEY } from './storage';
import { entry, MemoryStorage, quotaError } from './test-storage';

const NOW = '2026-11-22T15:00:00.000Z';
const v1 = (entries: unknown[]) => JSON.stringify({ version: 1, entries });

describe('decode', () => {
	test('nothing stored is an empty list, not a problem', () => {
		expect(decode(null)).toEqual({ entries: [], dropped: 0, problem: null });
	});

	test('reads the current version as written', () => {
		const stored = [entry('aaaaaaaaaaaa', { note: 'Call after 2pm', status: 'called' })];
		const { entries, dropped, problem } = decode(v1(stored), NOW);
		expect(problem).toBeNull();
		expect(dropped).toBe(0);
		expect(entries).toEqual(stored);
	});

	test('migrates v0, a bare array of ids, keeping every valid id', () => {
		const { entries, dropped } = decode(JSON.stringify(['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 42]), NOW);
		expect(entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
		expect(entries[0]).toMatchObject({
			name: UNNAMED,
			note: '',
			status: 'to-call',
			phones: [],
			distanceMiles: null,
			savedAt: NOW,
			updatedAt: NOW
		});
		expect(dropped).toBe(1);
	});

	test('corrupt JSON and values that are not a list are reported, not thrown', () => {
		for (const raw of ['{"version":1,"entries":[', 'null', '"x"', '{"version":1}', '{"v":2}']) {
			expect(decode(raw, NOW)).toEqual({ entries: [], dropped: 0, problem: 'corrupt' });
		}
	});

	test('drops only the invalid entries, keeping the rest in order', () => {
		const raw = v1([
			entry('aaaaaaaaaaaa'),
			{ name: 'no id' },
			entry('NOT AN ID'),
			'a string',
			entry('bbbbbbbbbbbb', { savedAt: 'yesterday' }),
			entry('cccccccccccc'),
			entry('aaaaaaaaaaaa', { note: 'a duplicate' })
		]);
		const { entries, dropped } = decode(raw, NOW);
		expect(entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa', 'cccccccccccc']);
		expect(entries[0]!.note).toBe('');
		expect(dropped).toBe(4);
	});

	test('a damaged field falls back without costing the entry', () => {
		const raw = v1([
			entry('aaaaaaaaaaaa', {
				status: 'maybe',
				phones: 'not a list',
				medications: ['methadone', 'aspirin'],
				distanceMiles: -3,
				note: 'x'.repeat(MAX_NOTE + 10)
			})
		]);
		const [e] = decode(raw, NOW).entries;
		expect(e).toMatchObject({
			status: 'to-call',
			phones: [],
			medications: [],
			distanceMiles: null
		});
		// A note that is too long is cut, not lost.
		expect(e!.note).toBe('x'.repeat(MAX_NOTE));
	});

	test('a newer version is read as far as it can be', () => {
		const raw = JSON.stringify({
			version: 2,
			entries: [{ ...entry('aaaaaaaaaaaa'), rating: 5 }, { id: 'bbbbbbbbbbbb' }]
		});
		const { entries, dropped } = decode(raw, NOW);
		expect(entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa']);
		expect(dropped).toBe(1);
	});
});

describe('load and save', () => {
	test('round-trips through storage in the versioned envelope', () => {
		const storage = new MemoryStorage();
		const entries = decode(v1([entry('aaaaaaaaaaaa', { note: 'Ask about Medicaid' })])).entries;
		expect(save(storage, entries)).toEqual({ ok: true });
		expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toMatchObject({ version: 1 });
		expect(load(storage).entries).toEqual(entries);
	});

	test('an unreadable value is set aside once, so the next save does not destroy it', () => {
		const storage = new MemoryStorage();
		storage.values.set(STORAGE_KEY, '{oops');
		expect(load(storage).problem).toBe('corrupt');
		expect(storage.getItem(BACKUP_KEY)).toBe('{oops');
		storage.values.set(STORAGE_KEY, '{worse');
		load(storage);
		expect(storage.getItem(BACKUP_KEY)).toBe('{oops');
	});

	test('a list with unreadable entries is also set aside before it is rewritten', () => {
		const storage = new MemoryStorage();
		const raw = v1([entry('aaaaaaaaaaaa'), { id: 'bad' }]);
		storage.values.set(STORAGE_KEY, raw);
		expect(load(storage)).toMatchObject({ dropped: 1, problem: null });
		expect(storage.getItem(BACKUP_KEY)).toBe(raw);
	});

	test('a full storage is reported as quota, anything else as unavailable', () => {
		const storage = new MemoryStorage();
		const entries = decode(v1([entry('aaaaaaaaaaaa')])).entries;
		storage.failWith = quotaError();
		expect(save(storage, entries)).toEqual({ ok: false, reason: 'quota' });
		storage.failWith = new DOMException('denied', 'SecurityError');
		expect(save(storage, entries)).toEqual({ ok: false, reason: 'unavailable' });
		expect(storage.getItem(STORAGE_KEY)).toBeNull();
	});

	test('a storage that cannot be read is an empty list, not an exception', () => {
		const storage = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {}
		};
		expect(load(storage)).toEqual({ entries: [], dropped: 0, problem: 'unavailable' });
	});
});
