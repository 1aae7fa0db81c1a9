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
		const stored = load(storage).lists[0]!.entries;
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
		expect(load(storage).lists[0]!.entries.map((e) => e.id)).toEqual(['aaaaaaaaaaaa']);
		// Once there is room again, the next change saves the whole list.
		storage.failWith = null;
		list.update('bbbbbbbbbbbb', { note: 'x' });
		expect(load(storage).lists[0]!.entries.map((e) => e.id)).toEqual([
			'aaaaaaaaaaaa',
			'bbbbbbbbbbbb'
		]);
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
		expect(list.problem).toMatch(/holds at most 50 programs/);
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

describe('several lists', () => {
	const A = 'aaaaaaaaaaaa';
	const B = 'bbbbbbbbbbbb';

	test('creates, switches, renames; Save adds to the current list; all of it is stored', () => {
		const { list, storage } = connected();
		list.add(program(A));
		const client = list.createList('  Client B ')!;
		expect(list.current.name).toBe('Client B');
		expect(list.count).toBe(0);
		list.add(program(B));
		expect(list.has(A)).toBe(false);
		list.switchList('list-1');
		expect(list.entries.map((e) => e.id)).toEqual([A]);
		list.renameList(client, 'Client B (Tues)');
		// A second list of the same name is told apart rather than refused.
		list.createList('Client B (Tues)');
		expect(list.lists.map((l) => l.name)).toEqual([
			'My shortlist',
			'Client B (Tues)',
			'Client B (Tues) (2)'
		]);
		const reread = load(storage);
		expect(reread.current).toBe(list.currentId);
		expect(reread.lists.map((l) => l.entries.map((e) => e.id))).toEqual([[A], [B], []]);
	});

	test('moves and copies a program with its note and status, never overwriting', () => {
		const { list, storage } = connected();
		list.add(program(A));
		list.add(program(B));
		list.update(A, { note: 'evening hours', status: 'called' });
		const other = list.createList('Client B')!;
		list.switchList('list-1');
		expect(list.copyTo(A, other)).toBe(true);
		expect(list.moveTo(B, other)).toBe(true);
		expect(list.entries.map((e) => e.id)).toEqual([A]);
		expect(list.list(other)!.entries).toMatchObject([
			{ id: A, note: 'evening hours', status: 'called' },
			{ id: B }
		]);
		// Already there: nothing changes, and the person is told.
		list.update(A, { note: 'changed here' });
		expect(list.moveTo(A, other)).toBe(false);
		expect(list.problem).toMatch(/already in “Client B”/);
		expect(list.has(A)).toBe(true);
		expect(list.list(other)!.entries[0]!.note).toBe('evening hours');
		expect(load(storage).lists[1]!.entries.map((e) => e.id)).toEqual([A, B]);
	});

	test('deleting a list can be undone; the last list gives way to an empty one', () => {
		const { list, storage } = connected();
		list.add(program(A));
		list.update(A, { note: 'keep me' });
		const other = list.createList('Client B')!;
		list.add(program(B));
		list.deleteList(other);
		expect(list.lists.map((l) => l.name)).toEqual(['My shortlist']);
		expect(list.currentId).toBe('list-1');
		list.undoDelete();
		expect(list.lists.map((l) => l.id)).toEqual(['list-1', other]);
		expect(list.currentId).toBe(other);
		expect(list.entries.map((e) => e.id)).toEqual([B]);

		list.deleteList(other);
		list.deleteList('list-1');
		expect(list.lists).toHaveLength(1);
		expect(list.count).toBe(0);
		list.undoDelete();
		expect(list.lists.map((l) => l.name)).toEqual(['My shortlist']);
		expect(list.get(A)!.note).toBe('keep me');
		expect(load(storage).lists.map((l) => l.name)).toEqual(['My shortlist']);
	});

	test('refresh reaches the program in every list; another tab keeps its own current list', () => {
		const { list, storage, events } = connected();
		list.add(program(A));
		list.createList('Client B');
		list.add(program(A));
		list.refresh({ ...program(A, 'Renamed'), phones: ['508-555-0100', '508-555-0199'] });
		expect(list.lists.map((l) => l.entries[0]!.phones)).toEqual([
			['508-555-0100', '508-555-0199'],
			['508-555-0100', '508-555-0199']
		]);
		const other = connected(storage, new EventTarget()).list;
		other.switchList('list-1');
		other.remove(A);
		events.dispatchEvent(storageEvent(STORAGE_KEY));
		expect(list.current.name).toBe('Client B');
		expect(list.lists[0]!.entries).toEqual([]);
	});

	test('imports as a new list or merges, keeping what is already saved', () => {
		const { list } = connected();
		list.add(program(A));
		list.update(A, { note: 'mine' });
		const incoming = [
			{ ...entry(A), note: 'theirs' },
			{ ...entry(B), note: 'new' }
		] as never[];
		expect(list.mergeEntries(incoming)).toEqual({ added: 1, kept: 1, full: 0 });
		expect(list.entries.map((e) => [e.id, e.note])).toEqual([
			[A, 'mine'],
			[B, 'new']
		]);
		const id = list.addList('My shortlist', incoming)!;
		expect(list.currentId).toBe(id);
		expect(list.current.name).toBe('My shortlist (2)');
		expect(list.entries.map((e) => e.note)).toEqual(['theirs', 'new']);
	});
});
