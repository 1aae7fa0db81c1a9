// A list as a file, to carry it to another device: made and read in the browser, never sent to
// the server. Every field of an imported file is parsed; a file that is not right is refused as
// a whole, with the reason, rather than half imported.
import * as v from 'valibot';
import { Entry, ListName, MAX_ENTRIES, type List } from './schema';

export const FILE_FORMAT = 'mat-locator-list';
export const FILE_VERSION = 1;
/** Far more than 50 programs with long notes take; a bigger file is not one of ours. */
export const MAX_FILE_BYTES = 1_000_000;

export interface ListFile {
	format: typeof FILE_FORMAT;
	version: typeof FILE_VERSION;
	exportedAt: string;
	list: { name: string; entries: Entry[] };
}

export function toListFile(list: List, now: string): string {
	const file: ListFile = {
		format: FILE_FORMAT,
		version: FILE_VERSION,
		exportedAt: now,
		list: { name: list.name, entries: list.entries }
	};
	return JSON.stringify(file, null, 2);
}

const NOT_OURS = `"format" is not "${FILE_FORMAT}"`;
const Header = v.looseObject({
	format: v.literal(FILE_FORMAT, NOT_OURS),
	version: v.pipe(
		v.number('"version" is missing or not a number'),
		v.integer('"version" is not a whole number')
	)
});

const Body = v.object({
	list: v.object(
		{
			name: ListName,
			entries: v.pipe(
				v.array(Entry, 'is not a list of programs'),
				v.maxLength(MAX_ENTRIES, `holds more than ${MAX_ENTRIES} programs`)
			)
		},
		'is missing'
	)
});

export type Imported = { ok: true; name: string; entries: Entry[] } | { ok: false; error: string };

/** "list.entries.2.id" becomes "program 3: id", which a person can find in the file. */
function where(issue: v.BaseIssue<unknown>): string {
	const path = issue.path?.map((item) => item.key) ?? [];
	if (path[0] === 'list' && path[1] === 'entries' && typeof path[2] === 'number') {
		const field = path.slice(3).join('.');
		return `program ${path[2] + 1}${field ? ` (${field})` : ''}`;
	}
	return path.length ? `"${path.join('.')}"` : 'the file';
}

export function fromListFile(text: string): Imported {
	if (text.length > MAX_FILE_BYTES)
		return { ok: false, error: 'This file is too large to be a list exported from MAT Locator.' };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return {
			ok: false,
			error: 'This file is not a list exported from MAT Locator: it is not JSON.'
		};
	}
	const format = (value as { format?: unknown } | null)?.format;
	if (format !== FILE_FORMAT)
		return { ok: false, error: `This file is not a list exported from MAT Locator: ${NOT_OURS}.` };
	const header = v.safeParse(Header, value);
	if (!header.success)
		return {
			ok: false,
			error: `This file is not a list exported from MAT Locator: ${header.issues[0].message}.`
		};
	if (header.output.version > FILE_VERSION)
		return {
			ok: false,
			error: `This list was exported by a newer version of MAT Locator (file version ${header.output.version}); this site reads version ${FILE_VERSION}.`
		};
	if (header.output.version < 1)
		return { ok: false, error: `This file has an unknown version (${header.output.version}).` };
	const body = v.safeParse(Body, value);
	if (!body.success) {
		const issue = body.issues[0];
		const problem = issue.input === undefined ? 'is missing' : issue.message;
		return { ok: false, error: `This list could not be imported: ${where(issue)}: ${problem}.` };
	}
	const { name, entries } = body.output.list;
	const ids = new Set(entries.map((e) => e.id));
	if (ids.size !== entries.length)
		return { ok: false, error: 'This list could not be imported: a program appears twice.' };
	return { ok: true, name, entries };
}
