// What one saved program looks like in the browser's storage. Every boundary is parsed: the stored
// value may have been written by an older build, another tab, or a person editing it by hand.
import * as v from 'valibot';
import { MEDICATIONS } from '../filters';

export const MAX_ENTRIES = 50;
export const MAX_NOTE = 2_000;

export const STATUSES = [
	{ value: 'to-call', label: 'To call' },
	{ value: 'called', label: 'Called' },
	{ value: 'waitlist', label: 'Waitlist' },
	{ value: 'intake-booked', label: 'Intake booked' },
	{ value: 'not-a-fit', label: 'Not a fit' }
] as const;

export type Status = (typeof STATUSES)[number]['value'];

export function statusLabel(status: Status): string {
	return STATUSES.find((s) => s.value === status)?.label ?? status;
}

/** Program ids as the directory issues them (see FACILITY_ID on the server). */
export const ProgramId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/));

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const optionalText = (max: number) => v.fallback(v.nullable(text(max)), null);
const timestamp = v.pipe(v.string(), v.isoTimestamp());

/**
 * What the list shows without asking the server: copied from the search result or program page
 * the person saved it from. Only `id` and `name` are required; a damaged field falls back to
 * "unknown" rather than costing the person the whole entry.
 */
export const Snapshot = v.object({
	id: ProgramId,
	name: v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
	street1: optionalText(300),
	street2: optionalText(300),
	city: v.fallback(text(100), ''),
	state: v.fallback(text(2), ''),
	zip: v.fallback(text(10), ''),
	phones: v.fallback(v.array(text(40)), []),
	medications: v.fallback(v.array(v.picklist(MEDICATIONS.map((m) => m.value))), []),
	/** Miles from the search it was last seen in, and that search's place; kept on the device. */
	distanceMiles: v.fallback(v.nullable(v.pipe(v.number(), v.minValue(0))), null),
	distanceFrom: optionalText(200)
});

export type ProgramSnapshot = v.InferOutput<typeof Snapshot>;

export const Entry = v.object({
	...Snapshot.entries,
	// Too long a note is cut, not thrown away: it is the person's own writing.
	note: v.fallback(
		v.pipe(
			v.string(),
			v.transform((note) => note.slice(0, MAX_NOTE))
		),
		''
	),
	status: v.fallback(v.picklist(STATUSES.map((s) => s.value)), 'to-call'),
	savedAt: timestamp,
	updatedAt: timestamp
});

export type Entry = v.InferOutput<typeof Entry>;

export const MAX_LISTS = 30;
export const MAX_LIST_NAME = 80;

export const ListId = v.pipe(v.string(), v.regex(/^list-[a-z0-9-]{1,40}$/));
/** A list's name as the person typed it, trimmed; never empty. */
export const ListName = v.pipe(
	v.string('must be text'),
	v.trim(),
	v.minLength(1, 'is empty'),
	v.maxLength(MAX_LIST_NAME, `is longer than ${MAX_LIST_NAME} characters`)
);

/** A list's own fields; its entries are parsed one by one beside it. */
export const ListMeta = v.object({
	id: ListId,
	name: ListName,
	createdAt: v.fallback(timestamp, '1970-01-01T00:00:00.000Z')
});

/** One named list on the device (one per client, say). */
export interface List extends v.InferOutput<typeof ListMeta> {
	entries: Entry[];
}
