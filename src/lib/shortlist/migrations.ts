// The stored shortlist's shapes over time, and how each becomes the next. A version is never
// reused: a change of shape adds a version and a step here, and the tests keep a sample of each.
import * as v from 'valibot';

export const CURRENT_VERSION = 1;

/** The stored value once migrated: a versioned envelope whose entries are still unparsed. */
export interface Envelope {
	version: number;
	entries: unknown[];
}

/**
 * v0: a bare JSON array of program ids, `["a1b2c3d4e5f6", …]`. No released build wrote it: it is
 * the simplest list there can be (one made by hand, or by a script from a share link), accepted so
 * that such a list is not thrown away, and it keeps the migration path exercised by the tests. It
 * carries no names, so entries get a placeholder that the program's page replaces when opened.
 */
const V0 = v.array(v.unknown());
const Versioned = v.looseObject({ version: v.pipe(v.number(), v.integer()), entries: v.unknown() });

const steps: Record<number, (entries: unknown[], now: string) => unknown[]> = {
	0: (entries, now) =>
		entries.map((id) => ({
			id,
			name: UNNAMED,
			savedAt: now,
			updatedAt: now
		}))
};

export const UNNAMED = 'Saved program';

/**
 * Brings any stored value to the current version, or null when it is not a shortlist at all.
 * A newer version than this build knows is read as if current: fields it does not know are
 * ignored, and entries it cannot read are dropped by the caller one by one.
 */
export function migrate(value: unknown, now: string): Envelope | null {
	let envelope: Envelope;
	if (v.is(V0, value)) envelope = { version: 0, entries: value };
	else if (v.is(Versioned, value) && Array.isArray(value.entries))
		envelope = { version: value.version, entries: value.entries };
	else return null;
	while (envelope.version < CURRENT_VERSION) {
		const step = steps[envelope.version];
		if (!step) return null;
		envelope = { version: envelope.version + 1, entries: step(envelope.entries, now) };
	}
	return envelope;
}
