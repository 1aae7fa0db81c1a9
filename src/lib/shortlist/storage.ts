// Reading and writing the shortlist in a Storage (localStorage in the app, a Map in the tests).
// Nothing here throws: a damaged value costs only the entries that cannot be read, and a full or
// blocked storage is reported to the caller, whose in-memory list stays as it was.
import * as v from 'valibot';
import { CURRENT_VERSION, migrate } from './migrations';
import { Entry } from './schema';

export const STORAGE_KEY = 'mat-locator:shortlist';
/**
 * Where a value that could not be read in full is kept, once, rather than being overwritten by
 * the next save: a later build, or a person, may still make something of it.
 */
export const BACKUP_KEY = `${STORAGE_KEY}:unreadable`;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface Loaded {
	entries: Entry[];
	/** Entries present but unreadable, left out of `entries`. */
	dropped: number;
	/** Why nothing could be read at all, if so. */
	problem: 'corrupt' | 'unavailable' | null;
}

/** Parses a stored value: each entry on its own, duplicates after the first ignored. */
export function decode(raw: string | null, now = isoNow()): Loaded {
	if (raw === null) return { entries: [], dropped: 0, problem: null };
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		return { entries: [], dropped: 0, problem: 'corrupt' };
	}
	const envelope = migrate(value, now);
	if (!envelope) return { entries: [], dropped: 0, problem: 'corrupt' };
	const entries: Entry[] = [];
	const seen = new Set<string>();
	let dropped = 0;
	for (const item of envelope.entries) {
		const parsed = v.safeParse(Entry, item);
		if (!parsed.success) dropped += 1;
		else if (!seen.has(parsed.output.id)) {
			seen.add(parsed.output.id);
			entries.push(parsed.output);
		}
	}
	return { entries, dropped, problem: null };
}

export const isoNow = (): string => new Date().toISOString();

export function encode(entries: readonly Entry[]): string {
	return JSON.stringify({ version: CURRENT_VERSION, entries });
}

/** Reads the list; a storage that refuses to be read (blocked cookies, some private modes) reads as empty. */
export function load(storage: StorageLike): Loaded {
	let raw: string | null;
	try {
		raw = storage.getItem(STORAGE_KEY);
	} catch {
		return { entries: [], dropped: 0, problem: 'unavailable' };
	}
	const loaded = decode(raw);
	if ((loaded.problem === 'corrupt' || loaded.dropped > 0) && raw !== null) {
		try {
			if (storage.getItem(BACKUP_KEY) === null) storage.setItem(BACKUP_KEY, raw);
		} catch {
			// Keeping a copy is a courtesy; the list itself is already safe in memory.
		}
	}
	return loaded;
}

export type Saved = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' };

export function save(storage: StorageLike, entries: readonly Entry[]): Saved {
	try {
		storage.setItem(STORAGE_KEY, encode(entries));
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
