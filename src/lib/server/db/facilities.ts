import { sql } from 'kysely';
import { db } from './index';
import type { SelectedGroup } from '../../filters';
import { distanceMeters, latOf, lngOf, nearest, within, type LngLat } from './postgis';
import { groupsCondition } from './service-filter';
import type { LocationPrecision } from './schema';

export interface StateCount {
	state: string;
	count: number;
}

export interface FacilitySummary {
	id: string;
	name: string;
	name2: string | null;
	city: string;
	zip: string;
	locationPrecision: LocationPrecision;
}

export interface Facility {
	id: string;
	name: string;
	name2: string | null;
	street1: string;
	street2: string | null;
	city: string;
	state: string;
	zip: string;
	phone: string | null;
	intakePhones: string[];
	website: string | null;
	lat: number;
	lng: number;
	locationPrecision: LocationPrecision;
	locationSource: string;
	services: string[];
	source: string;
	sourceDate: string;
}

export async function count(): Promise<number> {
	const row = await db
		.selectFrom('facility')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function countByState(): Promise<StateCount[]> {
	const rows = await db
		.selectFrom('facility')
		.select(['state', (eb) => eb.fn.countAll<number>().as('count')])
		.groupBy('state')
		.orderBy('state')
		.execute();
	return rows.map((r) => ({ state: r.state, count: Number(r.count) }));
}

export async function listByState(
	state: string,
	page: { limit: number; offset: number }
): Promise<{ items: FacilitySummary[]; total: number }> {
	const [items, total] = await Promise.all([
		db
			.selectFrom('facility')
			.select(['id', 'name', 'name2', 'city', 'zip', 'location_precision as locationPrecision'])
			.where('state', '=', state)
			.orderBy('city')
			.orderBy('name')
			.orderBy('id')
			.limit(page.limit)
			.offset(page.offset)
			.execute(),
		db
			.selectFrom('facility')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('state', '=', state)
			.executeTakeFirstOrThrow()
	]);
	return { items, total: Number(total.n) };
}

export async function get(id: string): Promise<Facility | undefined> {
	return db
		.selectFrom('facility')
		.select([
			'id',
			'name',
			'name2',
			'street1',
			'street2',
			'city',
			'state',
			'zip',
			'phone',
			'intake_phones as intakePhones',
			'website',
			latOf('location').as('lat'),
			lngOf('location').as('lng'),
			'location_precision as locationPrecision',
			'location_source as locationSource',
			'services',
			'source',
			sql<string>`to_char(source_date, 'YYYY-MM-DD')`.as('sourceDate')
		])
		.where('id', '=', id)
		.executeTakeFirst();
}

export interface SearchQuery {
	/** Nearest first within `radiusMiles` of this point; absent: the whole country. */
	center?: LngLat;
	radiusMiles: number;
	groups: readonly SelectedGroup[];
	limit: number;
	offset: number;
}

export interface SearchRow {
	id: string;
	name: string;
	name2: string | null;
	street1: string;
	street2: string | null;
	city: string;
	state: string;
	zip: string;
	phone: string | null;
	lat: number;
	lng: number;
	locationPrecision: LocationPrecision;
	distanceMiles: number | null;
	services: string[];
}

const METERS_PER_MILE = 1609.344;

/** Where to look and what to require: a search without its ordering and paging. */
export type AreaQuery = Pick<SearchQuery, 'center' | 'radiusMiles' | 'groups'>;

/** The rows a query matches, before ordering and paging. */
function matching(query: AreaQuery) {
	const condition = groupsCondition(query.groups);
	const { center } = query;
	return db
		.selectFrom('facility')
		.$if(center !== undefined, (qb) =>
			qb.where(within('location', center!, query.radiusMiles * METERS_PER_MILE))
		)
		.$if(condition !== undefined, (qb) => qb.where(condition!));
}

/** One page of matching programs (nearest first, or by state, city and name) and the total. */
export async function search(query: SearchQuery): Promise<{ items: SearchRow[]; total: number }> {
	const { center } = query;
	const rows = matching(query)
		.select([
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
			'location_precision as locationPrecision',
			'services',
			center
				? sql<number>`${distanceMeters('location', center)} / ${METERS_PER_MILE}::float8`.as(
						'distanceMiles'
					)
				: sql<null>`null::float8`.as('distanceMiles')
		])
		.$if(center !== undefined, (qb) => qb.orderBy(nearest('location', center!)))
		.$if(center === undefined, (qb) => qb.orderBy('state').orderBy('city').orderBy('name'))
		// Programs often share a point (one address, or one ZIP centre): the id keeps pages stable.
		.orderBy('id')
		.limit(query.limit)
		.offset(query.offset)
		.execute();
	const total = matching(query)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	const [items, { n }] = await Promise.all([rows, total]);
	return { items, total: Number(n) };
}

export interface MapPoint {
	id: string;
	lat: number;
	lng: number;
	locationPrecision: LocationPrecision;
	services: string[];
}

/** Every matching program's point, unpaged, for the map. */
export async function points(query: AreaQuery, codes: readonly string[]): Promise<MapPoint[]> {
	return matching(query)
		.select([
			'id',
			latOf('location').as('lat'),
			lngOf('location').as('lng'),
			'location_precision as locationPrecision',
			// Only the codes the map draws, not the program's whole list.
			sql<
				string[]
			>`array(select unnest(services) intersect select unnest(${sql.val([...codes])}::text[]))`.as(
				'services'
			)
		])
		.orderBy('id')
		.execute();
}

/** Ids of every program within the radius, whatever its services (the base set for facets). */
export async function idsWithin(center: LngLat, radiusMiles: number): Promise<string[]> {
	const rows = await db
		.selectFrom('facility')
		.select('id')
		.where(within('location', center, radiusMiles * METERS_PER_MILE))
		.execute();
	return rows.map((r) => r.id);
}

/** The programs with these ids that exist, in no particular order (one query for a shortlist). */
export async function getMany(ids: readonly string[]): Promise<Facility[]> {
	if (ids.length === 0) return [];
	return db
		.selectFrom('facility')
		.select([
			'id',
			'name',
			'name2',
			'street1',
			'street2',
			'city',
			'state',
			'zip',
			'phone',
			'intake_phones as intakePhones',
			'website',
			latOf('location').as('lat'),
			lngOf('location').as('lng'),
			'location_precision as locationPrecision',
			'location_source as locationSource',
			'services',
			'source',
			sql<string>`to_char(source_date, 'YYYY-MM-DD')`.as('sourceDate')
		])
		.where('id', 'in', [...ids])
		.execute();
}
