import { describe, expect, test } from 'vitest';
import { FIRST_LIST_ID, FIRST_LIST_NAME, UNNAMED } from './migrations';
import { MAX_NOTE } from './schema';
import { BACKUP_KEY, decode, load, save, STORAGE_KEY, type Loaded } from './storage';
import { entry, MemoryStorage, quotaError } from './test-storage';

const NOW = '2026-11-22T15:00:00.000Z';
const v1 = (entries: unknown[]) => JSON.stringify({ version: 1, entries });
const v2 = (lists: unknown[], current: unknown = 'list-1') =>
	JSON.stringify({ version: 2, current, lists });
const list = (id: string, name: string, entries: unknown[]) => ({
	id,
	name,
	createdAt: '2026-11-01T10:00:00.000Z',
	entries
});
const first = (loaded: Loaded) => loaded.lists[0]!.entries;
const empty = (problem: Loaded['problem']): Loaded => ({
	lists: [{ id: FIRST_LIST_ID, name: FIRST_LIST_NAME, createdAt: NOW, entries: [] }],
	current: FIRST_LIST_ID,
	dropped: 0,
	problem
});

describe('decode', () => {
	test('nothing stored is one empty list, not a problem', () => {
		expect(decode(null, NOW)).toEqual(empty(null));
	});

	test('reads the current version as written, with the current list', () => {
		const a = list('list-1', 'Client A', [entry('aaaaaaaaaaaa', { note: 'Call after 2pm' })]);
		const b = list('list-2', 'Client B', [entry('bbbbbbbbbbbb', { status: 'called' })]);
		const loaded = decode(v2([a, b], 'list-2'), NOW);
		expect(loaded).toEqual({ lists: [a, b], current: 'list-2', dropped: 0, problem: null });
	});

	test('migrates v1, the single list, into a first list keeping entries, notes and status', () => {
		const stored = [
			entry('aaaaaaaaaaaa', { note: 'Call after 2pm', status: 'called' }),
			entry('bbbbbbbbbbbb', { status: 'waitlist' })
		];
		const loaded = decode(v1(stored), NOW);
		expect(loaded).toEqual({
			lists: [{ id: FIRST_LIST_ID, name: FIRST_LIST_NAME, createdAt: NOW, entries: stored }],
			current: FIRST_LIST_ID,
			dropped: 0,
			problem: null
		});
	});

	test('migrates v0, a bare array of ids, keeping every valid id', () => {
		const loaded = decode(JSON.stringify(['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 42]), NOW);
		const entries = first(loaded);
		expect(loaded.lists).toHaveLength(1);
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
		expect(loaded.dropped).toBe(1);
	});

	test('corrupt JSON and values that are not a list are reported, not thrown', () => {
		for (const raw of [
			'{"version":1,"entries":[',
			'null',
			'"x"',
			'{"version":1}',
			'{"v":2}',
			'{"version":2,"lists":{}}'
		]) {
			expect(decode(raw, NOW)).toEqual(empty('corrupt'));
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
		const loaded = decode(raw, NOW);
		expect(first(loaded).map((e) => e.id)).toEqual(['aaaaaaaaaaaa', 'cccccccccccc']);
		expect(first(loaded)[0]!.note).toBe('');
		expect(loaded.dropped).toBe(4);
	});

	test('an unreadable list costs only itself; a lost current list falls back to the first', () => {
		const good = list('list-1', 'Client A', [entry('aaaaaaaaaaaa')]);
		const raw = v2(
			[good, list('list-1', 'Same id', [entry('bbbbbbbbbbbb')]), list('BAD', 'x', [entry('c')])],
			'list-9'
		);
		const loaded = decode(raw, NOW);
		expect(loaded.lists).toEqual([good]);
		expect(loaded.current).toBe('list-1');
		expect(loaded.dropped).toBe(2);
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
		const [e] = first(decode(raw, NOW));
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
			version: 3,
			current: 'list-1',
			lists: [
				{
					...list('list-1', 'A', [{ ...entry('aaaaaaaaaaaa'), rating: 5 }, { id: 'bbbbbbbbbbbb' }]),
					color: 'red'
				}
			]
		});
		const loaded = decode(raw, NOW);
		expect(first(loaded).map((e) => e.id)).toEqual(['aaaaaaaaaaaa']);
		expect(loaded.dropped).toBe(1);
	});
});

describe('load and save', () => {
	test('round-trips through storage in the versioned envelope', () => {
		const storage = new MemoryStorage();
		const { lists } = decode(v1([entry('aaaaaaaaaaaa', { note: 'Ask about Medicaid' })]), NOW);
		expect(save(storage, lists, 'list-1')).toEqual({ ok: true });
		expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toMatchObject({
			version: 2,
			current: 'list-1'
		});
		expect(load(storage).lists).toEqual(lists);
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
		const { lists } = decode(v1([entry('aaaaaaaaaaaa')]));
		storage.failWith = quotaError();
		expect(save(storage, lists, 'list-1')).toEqual({ ok: false, reason: 'quota' });
		storage.failWith = new DOMException('denied', 'SecurityError');
		expect(save(storage, lists, 'list-1')).toEqual({ ok: false, reason: 'unavailable' });
		expect(storage.getItem(STORAGE_KEY)).toBeNull();
	});

	test('a storage that cannot be read is an empty list, not an exception', () => {
		const storage = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {}
		};
		expect(load(storage, NOW)).toEqual(empty('unavailable'));
	});
});
