// The stored shortlist's shapes over time, and how each becomes the next. A version is never
// reused: a change of shape adds a version and a step here, and the tests keep a sample of each.
import * as v from 'valibot';

export const CURRENT_VERSION = 2;

/** The stored value once migrated: named lists whose fields and entries are still unparsed. */
export interface Envelope {
	version: number;
	current: unknown;
	lists: unknown[];
}

/**
 * v0: a bare JSON array of program ids, `["a1b2c3d4e5f6", …]`. No released build wrote it: it is
 * the simplest list there can be (one made by hand, or by a script from a share link), accepted so
 * that such a list is not thrown away, and it keeps the migration path exercised by the tests. It
 * carries no names, so entries get a placeholder that the program's page replaces when opened.
 *
 * v1: `{ version: 1, entries }`, one list per browser.
 *
 * v2: `{ version: 2, current, lists: [{ id, name, createdAt, entries }] }`, several named lists
 * (one per client, say) and the one Save adds to.
 */
const V0 = v.array(v.unknown());
const Versioned = v.looseObject({ version: v.pipe(v.number(), v.integer()) });
const V1 = v.looseObject({ entries: v.array(v.unknown()) });
const V2 = v.looseObject({ current: v.unknown(), lists: v.array(v.unknown()) });

export const UNNAMED = 'Saved program';
/** The name the single list of v1 (and a first list) gets. */
export const FIRST_LIST_NAME = 'My shortlist';
export const FIRST_LIST_ID = 'list-1';

type Step = (value: Record<string, unknown>, now: string) => Record<string, unknown> | null;

const steps: Record<number, Step> = {
	0: (value, now) => ({
		entries: (value.entries as unknown[]).map((id) => ({
			id,
			name: UNNAMED,
			savedAt: now,
			updatedAt: now
		}))
	}),
	1: (value, now) =>
		v.is(V1, value)
			? {
					current: FIRST_LIST_ID,
					lists: [
						{ id: FIRST_LIST_ID, name: FIRST_LIST_NAME, createdAt: now, entries: value.entries }
					]
				}
			: null
};

/**
 * Brings any stored value to the current version, or null when it is not a shortlist at all.
 * A newer version than this build knows is read as if current: fields it does not know are
 * ignored, and lists or entries it cannot read are dropped by the caller one by one.
 */
export function migrate(value: unknown, now: string): Envelope | null {
	let version: number;
	let body: Record<string, unknown> | null;
	if (v.is(V0, value)) [version, body] = [0, { entries: value }];
	else if (v.is(Versioned, value)) [version, body] = [value.version, value];
	else return null;
	while (body && version < CURRENT_VERSION) {
		const step = steps[version];
		if (!step) return null;
		body = step(body, now);
		version += 1;
	}
	if (!v.is(V2, body)) return null;
	return { version, current: body.current, lists: body.lists };
}
