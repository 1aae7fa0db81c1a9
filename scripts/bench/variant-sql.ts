// Query shapes timed beside the app's, to measure fixes before anyone changes the app. `appShape`
// is the SQL facilities.search sent before the narrow search table (rows and count on facility);
// the others change one thing each.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { distanceMeters, latOf, lngOf, nearest, within } from '../../src/lib/server/db/postgis';
import type { DB } from '../../src/lib/server/db/schema';
import { groupsCondition } from '../../src/lib/server/db/service-filter';
import type { SelectedGroup } from '../../src/lib/filters';
import { PAGE, type Center, type SearchCase } from './cases';

const METERS_PER_MILE = 1609.344;

/** One search as the variant runs it: page and total, in parallel as the app does. */
export type Shape = (
	db: Kysely<DB>,
	c: SearchCase,
	center: Center | undefined
) => Promise<{ total: number }>;

const columns = (center: Center | undefined) =>
	[
		'id',
		'name',
		'name2',
		'street1',
		'street2',
		'city',
		'state',
		'zip',
		'phone',
		latOf('location').as('lat'),
		lngOf('location').as('lng'),
		'location_precision',
		'services',
		center
			? sql<number>`${distanceMeters('location', center)} / ${METERS_PER_MILE}::float8`.as('miles')
			: sql<null>`null::float8`.as('miles')
	] as const;

function where(c: SearchCase, center: Center | undefined): RawBuilder<boolean> {
	const parts = [
		...(center ? [within('location', center, c.radiusMiles! * METERS_PER_MILE)] : []),
		...(c.groups.length ? [groupsCondition(c.groups)!] : [])
	];
	return parts.length ? sql<boolean>`${sql.join(parts, sql` and `)}` : sql<boolean>`true`;
}

function page(db: Kysely<DB>, c: SearchCase, center: Center | undefined) {
	return db
		.selectFrom('facility')
		.select(columns(center))
		.where(where(c, center))
		.$if(center !== undefined, (qb) => qb.orderBy(nearest('location', center!)))
		.$if(center === undefined, (qb) => qb.orderBy('state').orderBy('city').orderBy('name'))
		.orderBy('id')
		.limit(PAGE.limit)
		.offset(PAGE.offset);
}

const countOf = async (query: RawBuilder<{ n: number }>, db: Kysely<DB>) =>
	Number((await query.execute(db)).rows[0]!.n);

/** What facilities.search sent before facility_search: page and count on facility. */
export const appShape: Shape = async (db, c, center) => {
	const [, total] = await Promise.all([
		page(db, c, center).execute(),
		countOf(sql`select count(*) as n from facility where ${where(c, center)}`, db)
	]);
	return { total };
};

/** Where the radius-first shapes read from, and how they write the filters. */
export interface Source {
	table: string;
	filters: (groups: readonly SelectedGroup[]) => RawBuilder<boolean>;
}

export const APP_TABLE: Source = {
	table: 'facility',
	filters: (groups) => groupsCondition(groups) ?? sql<boolean>`true`
};

/**
 * The radius alone picks the candidate rows (GiST) and the filters are checked on those rows:
 * OFFSET 0 keeps the planner from combining the radius with a GIN scan of every program that has
 * a common code (hundreds of thousands of entries at 1M programs).
 */
const near = ({ table }: Source, c: SearchCase, center: Center) =>
	sql`(select * from ${sql.table(table)}
		where ${within('location', center, c.radiusMiles! * METERS_PER_MILE)} offset 0) as facility`;

export const radiusFirst =
	(source: Source): Shape =>
	async (db, c, center) => {
		const filters = source.filters(c.groups);
		const [, total] = await Promise.all([
			sql`select ${sql.join(columnsSql(center!))} from ${near(source, c, center!)} where ${filters}
				order by ${nearest('location', center!)}, id limit ${PAGE.limit}`.execute(db),
			countOf(sql`select count(*) as n from ${near(source, c, center!)} where ${filters}`, db)
		]);
		return { total };
	};

/** Radius first, and the total from the same statement (count(*) over ()): one scan. */
export const radiusFirstOneStatement =
	(source: Source): Shape =>
	async (db, c, center) => {
		const { rows } = await sql<{ total: number }>`
			select ${sql.join(columnsSql(center!))}, count(*) over () as total
			from ${near(source, c, center!)} where ${source.filters(c.groups)}
			order by ${nearest('location', center!)}, id limit ${PAGE.limit}`.execute(db);
		return { total: Number(rows[0]?.total ?? 0) };
	};

/** The page alone: the total comes from a count kept per import (no query). */
export const pageOnly: Shape = async (db, c, center) => {
	await page(db, c, center).execute();
	return { total: NaN };
};

/** Count at most 1,001 matches, shown as "1,000+". */
export const cappedCount: Shape = async (db, c, center) => {
	const [, total] = await Promise.all([
		page(db, c, center).execute(),
		countOf(
			sql`select count(*) as n from (select 1 from facility where ${where(c, center)} limit 1001) as t`,
			db
		)
	]);
	return { total };
};

function columnsSql(center: Center): RawBuilder<unknown>[] {
	return [
		sql`id, name, name2, street1, street2, city, state, zip, phone`,
		sql`${latOf('location')} as lat, ${lngOf('location')} as lng, location_precision, services`,
		sql`${distanceMeters('location', center)} / ${METERS_PER_MILE}::float8 as miles`
	];
}
