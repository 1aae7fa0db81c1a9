// The lists as reactive state: one instance per tab, kept in step with localStorage and, through
// the `storage` event, with the person's other tabs. Nothing in it ever reaches the server.
import { FIRST_LIST_ID } from './migrations';
import { emptyList, isoNow, load, save, STORAGE_KEY, type StorageLike } from './storage';
import {
	MAX_ENTRIES,
	MAX_LISTS,
	MAX_NOTE,
	type Entry,
	type List,
	type ProgramSnapshot
} from './schema';

const MESSAGES = {
	quota:
		'Your browser’s storage is full, so this change could not be saved. It is kept until you close this tab: export the list to keep a copy.',
	unavailable:
		'This browser does not let the site store anything (private mode or blocked site data). Your shortlist lasts only until you close this tab.',
	corrupt:
		'Your saved shortlist could not be read and has been set aside. Programs you save from now on are kept as usual.',
	full: `A list holds at most ${MAX_ENTRIES} programs. Remove one to save another.`,
	lists: `You can keep at most ${MAX_LISTS} lists. Delete one to make another.`
} as const;

export type Change = Partial<Pick<Entry, 'note' | 'status'>>;

/** A deleted list and where it stood, until it is undone or another list is deleted. */
export interface Deleted {
	list: List;
	index: number;
	wasCurrent: boolean;
}

export class Shortlist {
	/** Never empty: there is always a list to save into. */
	lists: List[] = $state([emptyList(isoNow())]);
	currentId: string = $state(FIRST_LIST_ID);
	/** False until the lists have been read from storage (always false on the server). */
	ready = $state(false);
	/** A problem to show until dismissed: storage full or blocked, an unreadable list. */
	problem: string | null = $state(null);
	/** Polite announcement for screen readers. */
	announcement = $state('');
	/** The last list deleted, which Undo brings back. */
	deleted: Deleted | null = $state(null);
	readonly current: List = $derived(
		this.lists.find((l) => l.id === this.currentId) ?? this.lists[0]!
	);
	/** The current list's programs (the header's count, the Save buttons). */
	readonly entries: Entry[] = $derived(this.current.entries);
	readonly count = $derived(this.entries.length);

	#storage: StorageLike | null = null;
	#now: () => string;

	/** `now` gives the time as an ISO string (injected by the tests). */
	constructor(now: () => string = isoNow) {
		this.#now = now;
	}

	/** Reads the lists and follows other tabs' changes; returns the function that stops following. */
	connect(storage: StorageLike, events: EventTarget): () => void {
		this.#storage = storage;
		const loaded = load(storage, this.#now());
		this.lists = loaded.lists;
		this.currentId = loaded.current;
		if (loaded.problem) this.problem = MESSAGES[loaded.problem];
		else if (loaded.dropped > 0)
			this.problem = `${plural(loaded.dropped)} in your shortlist could not be read and ${loaded.dropped === 1 ? 'was' : 'were'} left out; the rest are kept.`;
		this.ready = true;
		const onStorage = (event: Event) => {
			const key = (event as StorageEvent).key;
			// key is null when another tab cleared all of the site's storage.
			if (key !== STORAGE_KEY && key !== null) return;
			const before = this.entries.map((e) => e.id).join();
			const reread = load(storage, this.#now());
			this.lists = reread.lists;
			// Each tab keeps the list it shows, while that list still exists.
			if (!this.lists.some((l) => l.id === this.currentId)) this.currentId = reread.current;
			if (this.entries.map((e) => e.id).join() !== before)
				this.#announce(`Your shortlist changed in another tab: ${plural(this.count)}.`);
		};
		events.addEventListener('storage', onStorage);
		return () => events.removeEventListener('storage', onStorage);
	}

	/** Whether the current list holds this program. */
	has(id: string): boolean {
		return this.entries.some((e) => e.id === id);
	}

	get(id: string): Entry | undefined {
		return this.entries.find((e) => e.id === id);
	}

	list(id: string): List | undefined {
		return this.lists.find((l) => l.id === id);
	}

	/** How the current list is named in messages: "your shortlist" while it is the only one. */
	get where(): string {
		return this.lists.length === 1 ? 'your shortlist' : `“${this.current.name}”`;
	}

	add(program: ProgramSnapshot): boolean {
		if (this.has(program.id)) return true;
		if (this.count >= MAX_ENTRIES) return this.#refuse(MESSAGES.full);
		this.#setEntries(this.currentId, [...this.entries, this.#entry(program)]);
		this.#announce(`Saved ${program.name}. ${plural(this.count)} in ${this.where}.`);
		return true;
	}

	/** Adds those not saved yet, up to the cap; returns how many were added. */
	addMany(programs: readonly ProgramSnapshot[]): number {
		const fresh = programs.filter((p) => !this.has(p.id));
		const room = Math.max(0, MAX_ENTRIES - this.count);
		const added = fresh.slice(0, room).map((p) => this.#entry(p));
		if (added.length > 0) this.#setEntries(this.currentId, [...this.entries, ...added]);
		if (added.length < fresh.length) this.problem = MESSAGES.full;
		return added.length;
	}

	remove(id: string): void {
		const entry = this.get(id);
		if (!entry) return;
		this.#setEntries(
			this.currentId,
			this.entries.filter((e) => e.id !== id)
		);
		this.#announce(`Removed ${entry.name}. ${plural(this.count)} in ${this.where}.`);
	}

	toggle(program: ProgramSnapshot): void {
		if (this.has(program.id)) this.remove(program.id);
		else this.add(program);
	}

	/** The person's own changes: note and status. They date the entry. */
	update(id: string, change: Change): void {
		const note = change.note?.slice(0, MAX_NOTE);
		this.#setEntries(
			this.currentId,
			this.entries.map((e) =>
				e.id !== id
					? e
					: {
							...e,
							...(note !== undefined ? { note } : {}),
							...(change.status ? { status: change.status } : {}),
							updatedAt: this.#now()
						}
			)
		);
	}

	/**
	 * Newer facts about a saved program (a later search's distance, its page's phones), in every
	 * list that holds it: they do not date the entry, and a distance is kept when the newer view
	 * has none.
	 */
	refresh(program: ProgramSnapshot): void {
		let changed = false;
		const lists = this.lists.map((list) => {
			const entry = list.entries.find((e) => e.id === program.id);
			if (!entry) return list;
			const next = {
				...entry,
				...program,
				distanceMiles: program.distanceMiles ?? entry.distanceMiles,
				distanceFrom: program.distanceMiles === null ? entry.distanceFrom : program.distanceFrom
			};
			if (JSON.stringify(next) === JSON.stringify(entry)) return list;
			changed = true;
			return { ...list, entries: list.entries.map((e) => (e.id === program.id ? next : e)) };
		});
		if (changed) this.#commit(lists);
	}

	/** Makes a list and switches to it; returns its id, or null when there are too many. */
	createList(name: string): string | null {
		if (this.lists.length >= MAX_LISTS) {
			this.#refuse(MESSAGES.lists);
			return null;
		}
		const list = emptyList(this.#now(), this.#newId(), this.#uniqueName(name));
		this.#commit([...this.lists, list], list.id);
		this.#announce(`Made the list “${list.name}”. Programs you save go to it.`);
		return list.id;
	}

	renameList(id: string, name: string): void {
		const list = this.list(id);
		const trimmed = name.trim();
		if (!list || !trimmed || trimmed === list.name) return;
		const renamed = this.#uniqueName(trimmed, id);
		this.#commit(this.lists.map((l) => (l.id === id ? { ...l, name: renamed } : l)));
		this.#announce(`Renamed the list to “${renamed}”.`);
	}

	switchList(id: string): void {
		if (!this.list(id) || id === this.currentId) return;
		this.#commit(this.lists, id);
		this.#announce(`Showing “${this.current.name}”: ${plural(this.count)}.`);
	}

	/**
	 * Deletes a list, keeping it in `deleted` for Undo. The last list gives way to a fresh empty
	 * one: there is always somewhere to save.
	 */
	deleteList(id: string): void {
		const index = this.lists.findIndex((l) => l.id === id);
		if (index < 0) return;
		const list = this.lists[index]!;
		let rest = this.lists.filter((l) => l.id !== id);
		if (rest.length === 0) rest = [emptyList(this.#now(), this.#newId())];
		const wasCurrent = id === this.currentId;
		this.deleted = { list, index, wasCurrent };
		this.#commit(rest, wasCurrent ? rest[Math.min(index, rest.length - 1)]!.id : this.currentId);
		this.#announce(`Deleted the list “${list.name}”.`);
	}

	undoDelete(): void {
		const deleted = this.deleted;
		if (!deleted) return;
		this.deleted = null;
		// A fresh list left in its place, still empty, goes again.
		const rest = this.lists.filter(
			(l) => !(this.lists.length === 1 && l.entries.length === 0 && l.id !== deleted.list.id)
		);
		const lists = [...rest];
		lists.splice(Math.min(deleted.index, lists.length), 0, deleted.list);
		this.#commit(lists, deleted.wasCurrent ? deleted.list.id : this.currentId);
		this.#announce(`Brought back the list “${deleted.list.name}”.`);
	}

	/**
	 * Copies a program of the current list, with its note and status, to another list; a move
	 * then removes it here. A list that already holds it is left as it is: the person's notes
	 * there are never overwritten.
	 */
	copyTo(id: string, listId: string, move = false): boolean {
		const entry = this.get(id);
		const target = this.list(listId);
		if (!entry || !target || listId === this.currentId) return false;
		if (target.entries.some((e) => e.id === id))
			return this.#refuse(`${entry.name} is already in “${target.name}”; nothing was changed.`);
		if (target.entries.length >= MAX_ENTRIES) return this.#refuse(MESSAGES.full);
		this.#commit(
			this.lists.map((l) => {
				if (l.id === listId) return { ...l, entries: [...l.entries, entry] };
				if (move && l.id === this.currentId)
					return { ...l, entries: l.entries.filter((e) => e.id !== id) };
				return l;
			})
		);
		this.#announce(`${move ? 'Moved' : 'Copied'} ${entry.name} to “${target.name}”.`);
		return true;
	}

	moveTo(id: string, listId: string): boolean {
		return this.copyTo(id, listId, true);
	}

	/** An imported list, as a new list (switched to); returns its id, or null when refused. */
	addList(name: string, entries: readonly Entry[]): string | null {
		if (this.lists.length >= MAX_LISTS) {
			this.#refuse(MESSAGES.lists);
			return null;
		}
		const list = {
			...emptyList(this.#now(), this.#newId(), this.#uniqueName(name)),
			entries: entries.slice(0, MAX_ENTRIES)
		};
		this.#commit([...this.lists, list], list.id);
		return list.id;
	}

	/** Imported entries added to the current list: those it already holds are kept as they are. */
	mergeEntries(entries: readonly Entry[]): { added: number; kept: number; full: number } {
		const fresh = entries.filter((e) => !this.has(e.id));
		const room = Math.max(0, MAX_ENTRIES - this.count);
		const added = fresh.slice(0, room);
		if (added.length > 0) this.#setEntries(this.currentId, [...this.entries, ...added]);
		return {
			added: added.length,
			kept: entries.length - fresh.length,
			full: fresh.length - added.length
		};
	}

	dismissProblem(): void {
		this.problem = null;
	}

	#refuse(message: string): false {
		this.problem = message;
		this.#announce(message);
		return false;
	}

	#entry(program: ProgramSnapshot): Entry {
		const now = this.#now();
		return { ...program, note: '', status: 'to-call', savedAt: now, updatedAt: now };
	}

	#newId(): string {
		// The deleted list keeps its id while Undo can bring it back.
		const taken = [...this.lists, ...(this.deleted ? [this.deleted.list] : [])].map((l) => l.id);
		let n = this.lists.length + 1;
		while (taken.includes(`list-${n}`)) n += 1;
		return `list-${n}`;
	}

	/** "Client A", or "Client A (2)" when another list has that name. */
	#uniqueName(name: string, except?: string): string {
		const base = name.trim() || 'Untitled list';
		const names = this.lists.filter((l) => l.id !== except).map((l) => l.name);
		let candidate = base;
		for (let n = 2; names.includes(candidate); n++) candidate = `${base} (${n})`;
		return candidate;
	}

	#setEntries(listId: string, entries: Entry[]): void {
		this.#commit(this.lists.map((l) => (l.id === listId ? { ...l, entries } : l)));
	}

	/** The lists in memory change whatever happens; storage that refuses them is reported. */
	#commit(lists: List[], current = this.currentId): void {
		this.lists = lists;
		this.currentId = current;
		if (!this.#storage) return;
		const saved = save(this.#storage, lists, current);
		if (!saved.ok) {
			this.problem = MESSAGES[saved.reason];
			this.#announce(MESSAGES[saved.reason]);
		}
	}

	#announce(message: string): void {
		// A repeated message is still read out when the text changes from empty first.
		this.announcement = '';
		queueMicrotask(() => (this.announcement = message));
	}
}

export function plural(n: number): string {
	return `${n} ${n === 1 ? 'program' : 'programs'}`;
}

/** This tab's shortlist. Empty and not `ready` on the server, where it is never read. */
export const shortlist = new Shortlist();

let connecting = false;

/**
 * Connects this tab's shortlist to localStorage, once; safe to call from any component. The list
 * is read in a task of its own: the components that call this do so on mount, and reading and
 * checking it there would lengthen the page's hydration, which on a phone is already one long task
 * that keeps the page from answering taps.
 */
export function connectShortlist(): void {
	if (connecting || typeof window === 'undefined') return;
	connecting = true;
	setTimeout(connectNow, 0);
}

function connectNow(): void {
	let storage: StorageLike;
	try {
		storage = window.localStorage;
	} catch {
		// Reading the property itself throws where site data is blocked.
		storage = {
			getItem: () => {
				throw new Error('unavailable');
			},
			setItem: () => {
				throw new Error('unavailable');
			}
		};
	}
	shortlist.connect(storage, window);
}
