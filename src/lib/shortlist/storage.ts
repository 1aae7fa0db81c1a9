// Reading and writing the lists in a Storage (localStorage in the app, a Map in the tests).
// Nothing here throws: a damaged value costs only the lists or entries that cannot be read, and a
// full or blocked storage is reported to the caller, whose lists in memory stay as they were.
import * as v from 'valibot';
import { CURRENT_VERSION, FIRST_LIST_ID, FIRST_LIST_NAME, migrate } from './migrations';
import { Entry, ListMeta, MAX_ENTRIES, MAX_LISTS, type List } from './schema';

export const STORAGE_KEY = 'mat-locator:shortlist';
/**
 * Where a value that could not be read in full is kept, once, rather than being overwritten by
 * the next save: a later build, or a person, may still make something of it.
 */
export const BACKUP_KEY = `${STORAGE_KEY}:unreadable`;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface Loaded {
	/** Never empty: with nothing stored there is one empty list to save into. */
	lists: List[];
	/** The id of the list Save adds to; one of `lists`. */
	current: string;
	/** Entries present but unreadable, left out of `lists`. */
	dropped: number;
	/** Why nothing could be read at all, if so. */
	problem: 'corrupt' | 'unavailable' | null;
}

export const isoNow = (): string => new Date().toISOString();

export function emptyList(now: string, id = FIRST_LIST_ID, name = FIRST_LIST_NAME): List {
	return { id, name, createdAt: now, entries: [] };
}

const nothing = (now: string, problem: Loaded['problem']): Loaded => ({
	lists: [emptyList(now)],
	current: FIRST_LIST_ID,
	dropped: 0,
	problem
});

/** Parses entries one by one: the unreadable ones are counted, repeats after the first ignored. */
export function parseEntries(items: readonly unknown[]): { entries: Entry[]; dropped: number } {
	const entries: Entry[] = [];
	const seen = new Set<string>();
	let dropped = 0;
	for (const item of items) {
		const parsed = v.safeParse(Entry, item);
		if (!parsed.success) dropped += 1;
		else if (!seen.has(parsed.output.id) && entries.length < MAX_ENTRIES) {
			seen.add(parsed.output.id);
			entries.push(parsed.output);
		}
	}
	return { entries, dropped };
}

/** Parses a stored value: each list and each entry on its own. */
export function decode(raw: string | null, now = isoNow()): Loaded {
	if (raw === null) return nothing(now, null);
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return nothing(now, 'corrupt');
	}
	const envelope = migrate(value, now);
	if (!envelope) return nothing(now, 'corrupt');
	const lists: List[] = [];
	let dropped = 0;
	for (const item of envelope.lists) {
		const meta = v.safeParse(ListMeta, item);
		const items = (item as { entries?: unknown } | null)?.entries;
		if (!meta.success || !Array.isArray(items) || lists.some((l) => l.id === meta.output.id)) {
			dropped += Array.isArray(items) ? items.length : 1;
			continue;
		}
		if (lists.length >= MAX_LISTS) break;
		const parsed = parseEntries(items);
		dropped += parsed.dropped;
		lists.push({ ...meta.output, entries: parsed.entries });
	}
	if (lists.length === 0) return { ...nothing(now, null), dropped };
	const current = lists.find((l) => l.id === envelope.current)?.id ?? lists[0]!.id;
	return { lists, current, dropped, problem: null };
}

export function encode(lists: readonly List[], current: string): string {
	return JSON.stringify({ version: CURRENT_VERSION, current, lists });
}

/** Reads the lists; a storage that refuses to be read (blocked cookies, some private modes) reads as empty. */
export function load(storage: StorageLike, now = isoNow()): Loaded {
	let raw: string | null;
	try {
		raw = storage.getItem(STORAGE_KEY);
	} catch {
		return nothing(now, 'unavailable');
	}
	const loaded = decode(raw, now);
	if ((loaded.problem === 'corrupt' || loaded.dropped > 0) && raw !== null) {
		try {
			if (storage.getItem(BACKUP_KEY) === null) storage.setItem(BACKUP_KEY, raw);
		} catch {
			// Keeping a copy is a courtesy; the lists themselves are already safe in memory.
		}
	}
	return loaded;
}

export type Saved = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' };

export function save(storage: StorageLike, lists: readonly List[], current: string): Saved {
	try {
		storage.setItem(STORAGE_KEY, encode(lists, current));
		return { ok: true };
	} catch (e) {
		return { ok: false, reason: isQuotaError(e) ? 'quota' : 'unavailable' };
	}
}

/** Browsers name it differently (Firefox: NS_ERROR_DOM_QUOTA_REACHED; old WebKit: code 22). */
function isQuotaError(e: unknown): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const { name, code } = e as { name?: unknown; code?: unknown };
	return (
		name === 'QuotaExceededError' ||
		name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
		code === 22 ||
		code === 1014
	);
}
