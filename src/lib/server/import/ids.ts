import { createHash } from 'node:crypto';
import type { FacilityRecord } from './types';

// Ids come from what identifies a facility, not from row order, so a re-import (or next year's
// directory, for a facility that has not moved) keeps links and saved shortlists working.

const simple = (value: string | null) => (value ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

function hash(parts: string[]): string {
	return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 12);
}

/** Every stored field, so two rows with equal content are the same listing. */
export function contentOf(r: FacilityRecord): string {
	return JSON.stringify([
		r.name,
		r.name2,
		r.street1,
		r.street2,
		r.city,
		r.state,
		r.zip,
		r.phone,
		r.intakePhones,
		r.website,
		r.services,
		r.source,
		r.sourceDate,
		r.location
	]);
}

const identity = (r: FacilityRecord) => [r.name, r.street1, r.city, r.state, r.zip].map(simple);

// When several listings share name and address (a program with two suites, two phone lines),
// the first of these that tells them apart joins the id; the full content always does.
const byContent = (r: FacilityRecord) => [contentOf(r)];
const TIE_BREAKERS: ((r: FacilityRecord) => string[])[] = [
	(r) => [simple(r.name2)],
	(r) => [simple(r.name2), simple(r.street2)],
	(r) => [simple(r.name2), simple(r.street2), simple(r.phone)]
];

export interface Identified<T> {
	/** One record per distinct content, in input order, each with its id. */
	records: (T & { id: string })[];
	/** Later rows whose content equals an earlier one's: dropped. */
	merged: T[];
}

export function assignIds<T extends FacilityRecord>(input: T[]): Identified<T> {
	const seen = new Set<string>();
	const kept: T[] = [];
	const merged: T[] = [];
	const groups = new Map<string, T[]>();
	for (const record of input) {
		const content = contentOf(record);
		if (seen.has(content)) {
			merged.push(record);
			continue;
		}
		seen.add(content);
		kept.push(record);
		const key = hash(identity(record));
		const group = groups.get(key);
		if (group) group.push(record);
		else groups.set(key, [record]);
	}

	const ids = new Map<T, string>();
	for (const [key, group] of groups) {
		if (group.length === 1) {
			for (const r of group) ids.set(r, key);
			continue;
		}
		// Content is distinct within a group (equal content was merged), so it always separates.
		const breaker =
			TIE_BREAKERS.find(
				(tie) => new Set(group.map((r) => tie(r).join('|'))).size === group.length
			) ?? byContent;
		for (const r of group) ids.set(r, hash([...identity(r), ...breaker(r)]));
	}
	return { records: kept.map((r) => ({ ...r, id: ids.get(r) ?? '' })), merged };
}
