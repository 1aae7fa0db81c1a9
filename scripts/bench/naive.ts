// The baseline: what a search costs without the database's help. Every program's point and codes
// come into JavaScript, where turf measures distances and the filters run on each row.
import { distance, point } from '@turf/turf';
import type { Kysely } from 'kysely';
import { optionMatches } from '../../src/lib/filters';
import { latOf, lngOf } from '../../src/lib/server/db/postgis';
import type { DB } from '../../src/lib/server/db/schema';
import { PAGE, type Center, type SearchCase } from './cases';

interface Candidate {
	id: string;
	state?: string;
	city?: string;
	name?: string;
	miles: number;
}

export async function naiveSearch(
	db: Kysely<DB>,
	c: SearchCase,
	center: Center | undefined
): Promise<{ ids: string[]; total: number }> {
	const from = center && c.radiusMiles !== null ? point([center.lng, center.lat]) : undefined;
	const rows = await db
		.selectFrom('facility')
		.select(['id', 'services', latOf('location').as('lat'), lngOf('location').as('lng')])
		// Only a search without a place needs these, to sort by.
		.$if(!from, (qb) => qb.select(['state', 'city', 'name']))
		.execute();
	const matches: Candidate[] = [];
	for (const row of rows) {
		const miles = from ? distance(from, point([row.lng, row.lat]), { units: 'miles' }) : 0;
		if (from && miles > c.radiusMiles!) continue;
		const codes = new Set(row.services);
		if (!c.groups.every((g) => g.options.some((o) => optionMatches(o, codes)))) continue;
		matches.push({ ...row, miles });
	}
	matches.sort(from ? byDistance : byPlace);
	const page = matches.slice(PAGE.offset, PAGE.offset + PAGE.limit);
	return { ids: page.map((m) => m.id), total: matches.length };
}

const compare = (a = '', b = '') => (a < b ? -1 : a > b ? 1 : 0);
const byDistance = (a: Candidate, b: Candidate) => a.miles - b.miles || compare(a.id, b.id);
const byPlace = (a: Candidate, b: Candidate) =>
	compare(a.state, b.state) ||
	compare(a.city, b.city) ||
	compare(a.name, b.name) ||
	compare(a.id, b.id);
