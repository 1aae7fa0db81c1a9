// The shortlist as reactive state: one instance per tab, kept in step with localStorage and, through
// the `storage` event, with the person's other tabs. Nothing in it ever reaches the server.
import { isoNow, load, save, STORAGE_KEY, type StorageLike } from './storage';
import { MAX_ENTRIES, MAX_NOTE, type Entry, type ProgramSnapshot } from './schema';

const MESSAGES = {
	quota:
		'Your browser’s storage is full, so this change could not be saved. It is kept until you close this tab: export the list as CSV to keep a copy.',
	unavailable:
		'This browser does not let the site store anything (private mode or blocked site data). Your shortlist lasts only until you close this tab.',
	corrupt:
		'Your saved shortlist could not be read and has been set aside. Programs you save from now on are kept as usual.',
	full: `The shortlist holds at most ${MAX_ENTRIES} programs. Remove one to save another.`
} as const;

export type Change = Partial<Pick<Entry, 'note' | 'status'>>;

export class Shortlist {
	entries: Entry[] = $state([]);
	/** False until the list has been read from storage (always false on the server). */
	ready = $state(false);
	/** A problem to show until dismissed: storage full or blocked, an unreadable list. */
	problem: string | null = $state(null);
	/** Polite announcement for screen readers. */
	announcement = $state('');
	readonly count = $derived(this.entries.length);

	#storage: StorageLike | null = null;
	#now: () => string;

	/** `now` gives the time as an ISO string (injected by the tests). */
	constructor(now: () => string = isoNow) {
		this.#now = now;
	}

	/** Reads the list and follows other tabs' changes; returns the function that stops following. */
	connect(storage: StorageLike, events: EventTarget): () => void {
		this.#storage = storage;
		const loaded = load(storage);
		this.entries = loaded.entries;
		if (loaded.problem) this.problem = MESSAGES[loaded.problem];
		else if (loaded.dropped > 0)
			this.problem = `${plural(loaded.dropped)} in your shortlist could not be read and ${loaded.dropped === 1 ? 'was' : 'were'} left out; the rest are kept.`;
		this.ready = true;
		const onStorage = (event: Event) => {
			const key = (event as StorageEvent).key;
			// key is null when another tab cleared all of the site's storage.
			if (key !== STORAGE_KEY && key !== null) return;
			const before = this.entries.map((e) => e.id).join();
			this.entries = load(storage).entries;
			if (this.entries.map((e) => e.id).join() !== before)
				this.#announce(`Your shortlist changed in another tab: ${plural(this.count)}.`);
		};
		events.addEventListener('storage', onStorage);
		return () => events.removeEventListener('storage', onStorage);
	}

	has(id: string): boolean {
		return this.entries.some((e) => e.id === id);
	}

	get(id: string): Entry | undefined {
		return this.entries.find((e) => e.id === id);
	}

	add(program: ProgramSnapshot): boolean {
		if (this.has(program.id)) return true;
		if (this.count >= MAX_ENTRIES) {
			this.problem = MESSAGES.full;
			this.#announce(MESSAGES.full);
			return false;
		}
		this.#commit([...this.entries, this.#entry(program)]);
		this.#announce(`Saved ${program.name}. ${plural(this.count)} in your shortlist.`);
		return true;
	}

	/** Adds those not saved yet, up to the cap; returns how many were added. */
	addMany(programs: readonly ProgramSnapshot[]): number {
		const fresh = programs.filter((p) => !this.has(p.id));
		const room = Math.max(0, MAX_ENTRIES - this.count);
		const added = fresh.slice(0, room).map((p) => this.#entry(p));
		if (added.length > 0) this.#commit([...this.entries, ...added]);
		if (added.length < fresh.length) this.problem = MESSAGES.full;
		return added.length;
	}

	remove(id: string): void {
		const entry = this.get(id);
		if (!entry) return;
		this.#commit(this.entries.filter((e) => e.id !== id));
		this.#announce(`Removed ${entry.name}. ${plural(this.count)} in your shortlist.`);
	}

	toggle(program: ProgramSnapshot): void {
		if (this.has(program.id)) this.remove(program.id);
		else this.add(program);
	}

	/** The person's own changes: note and status. They date the entry. */
	update(id: string, change: Change): void {
		const note = change.note?.slice(0, MAX_NOTE);
		this.#replace(id, (e) => ({
			...e,
			...(note !== undefined ? { note } : {}),
			...(change.status ? { status: change.status } : {}),
			updatedAt: this.#now()
		}));
	}

	/**
	 * Newer facts about a saved program (a later search's distance, its page's phones): they do
	 * not date the entry, and a distance is kept when the newer view has none.
	 */
	refresh(program: ProgramSnapshot): void {
		const entry = this.get(program.id);
		if (!entry) return;
		const next = {
			...entry,
			...program,
			distanceMiles: program.distanceMiles ?? entry.distanceMiles,
			distanceFrom: program.distanceMiles === null ? entry.distanceFrom : program.distanceFrom
		};
		if (JSON.stringify(next) !== JSON.stringify(entry)) this.#replace(program.id, () => next);
	}

	dismissProblem(): void {
		this.problem = null;
	}

	#entry(program: ProgramSnapshot): Entry {
		const now = this.#now();
		return { ...program, note: '', status: 'to-call', savedAt: now, updatedAt: now };
	}

	#replace(id: string, edit: (entry: Entry) => Entry): void {
		if (!this.has(id)) return;
		this.#commit(this.entries.map((e) => (e.id === id ? edit(e) : e)));
	}

	/** The list in memory changes whatever happens; storage that refuses it is reported. */
	#commit(entries: Entry[]): void {
		this.entries = entries;
		if (!this.#storage) return;
		const saved = save(this.#storage, entries);
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
 * is read in a task of its own: the components that call this do so on mount, and reading it there
 * would draw every Save button (twenty on a results page) inside the page's hydration, which on a
 * phone is already one long task that keeps the page from answering taps.
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
