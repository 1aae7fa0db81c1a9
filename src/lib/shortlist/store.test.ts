import { describe, expect, test } from 'vitest';
import { MAX_ENTRIES, MAX_NOTE } from './schema';
import { STORAGE_KEY, load } from './storage';
import { Shortlist } from './store.svelte';
import { entry, MemoryStorage, program, quotaError } from './test-storage';

const NOW = '2026-11-22T15:00:00.000Z';

function connected(storage = new MemoryStorage(), events = new EventTarget()) {
	const list = new Shortlist(() => NOW);
	const stop = list.connect(storage, events);
	return { list, storage, events, stop };
}

/** What a `storage` event from another tab carries that the store looks at. */
function storageEvent(key: string | null): Event {
	return Object.assign(new Event('storage'), { key });
}

describe('Shortlist', () => {
	test('saves, annotates and removes, writing each change through', () => {
		const { list, storage } = connected();
		list.add(program('aaaaaaaaaaaa'));
		list.add(program('bbbbbbbbbbbb'));
		list.update('aaaaaaaaaaaa', { note: 'Has evening hours', status: 'called' });
		list.remove('bbbbbbbbbbbb');
		const stored = load(storage).entries;
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			id: 'aaaaaaaaaaaa',
			note: 'Has evening hours',
			status: 'called',
			updatedAt: NOW
		});
		expect(list.entries).toEqual(stored);
	});

	test('reading a damaged list keeps the readable entries and says how many were lost', () => {
		const storage = new MemoryStorage();
		storage.values.set(
			STORAGE_KEY,
			JSON.stringify({ version: 1, entries: [entry('aaaaaaaaaaaa'), { id: 5 }] })
		);
		const { list } = connected(storage);
		expect(list.entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa']);
		expect(list.problem).toMatch(/^1 program in your shortlist could not be read/);
	});

	test('a full storage keeps the change in memory and says so', () => {
		const { list, storage } = connected();
		list.add(program('aaaaaaaaaaaa'));
		storage.failWith = quotaError();
		list.add(program('bbbbbbbbbbbb'));
		expect(list.entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
		expect(list.problem).toMatch(/storage is full/);
		expect(load(storage).entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa']);
		// Once there is room again, the next change saves the whole list.
		storage.failWith = null;
		list.update('bbbbbbbbbbbb', { note: 'x' });
		expect(load(storage).entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
	});

	test('follows other tabs through the storage event, ignoring other keys', () => {
		const { list, storage, events, stop } = connected();
		list.add(program('aaaaaaaaaaaa'));
		// Another tab adds a program and writes the list.
		const other = connected(storage, new EventTarget()).list;
		other.add(program('bbbbbbbbbbbb'));
		events.dispatchEvent(storageEvent('something-else'));
		expect(list.count).toBe(1);
		events.dispatchEvent(storageEvent(STORAGE_KEY));
		expect(list.entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa', 'bbbbbbbbbbbb']);
		// Clearing all site data (key null) empties it.
		storage.values.clear();
		events.dispatchEvent(storageEvent(null));
		expect(list.count).toBe(0);
		stop();
		other.add(program('cccccccccccc'));
		events.dispatchEvent(storageEvent(STORAGE_KEY));
		expect(list.count).toBe(0);
	});

	test('caps the list and the note', () => {
		const { list } = connected();
		for (let i = 0; i < MAX_ENTRIES; i++) list.add(program(i.toString(16).padStart(12, '0')));
		expect(list.add(program('ffffffffffff'))).toBe(false);
		expect(list.count).toBe(MAX_ENTRIES);
		expect(list.problem).toMatch(/at most 50 programs/);
		list.update('000000000000', { note: 'y'.repeat(MAX_NOTE + 1) });
		expect(list.get('000000000000')!.note).toHaveLength(MAX_NOTE);
	});

	test('adds a shared list without duplicating or overwriting what is saved', () => {
		const { list } = connected();
		list.add(program('aaaaaaaaaaaa'));
		list.update('aaaaaaaaaaaa', { note: 'mine' });
		expect(list.addMany([program('aaaaaaaaaaaa'), program('bbbbbbbbbbbb')])).toBe(1);
		expect(list.entries.map((e) => [e.id, e.note])).toEqual([
			['aaaaaaaaaaaa', 'mine'],
			['bbbbbbbbbbbb', '']
		]);
	});

	test('refresh updates facts, keeps the note, date and a known distance', () => {
		const { list } = connected();
		list.add({ ...program('aaaaaaaaaaaa'), distanceMiles: 2, distanceFrom: 'Boston, MA' });
		list.update('aaaaaaaaaaaa', { note: 'mine' });
		const before = list.get('aaaaaaaaaaaa')!;
		list.refresh({
			...program('aaaaaaaaaaaa', 'New name'),
			distanceMiles: null,
			distanceFrom: null
		});
		expect(list.get('aaaaaaaaaaaa')).toEqual({ ...before, name: 'New name' });
	});
});
