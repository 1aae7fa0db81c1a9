import { sql, type CompiledQuery } from 'kysely';
import { db } from './index';
import type { SelectedGroup } from '../../filters';
import { distanceMeters, latOf, lngOf, nearest, within, type LngLat } from './postgis';
import { bitsCondition, codesOfBits, ensureSearchTable, keptScopeTotal } from './search-table';
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

/** Programs listing every code of `all` and any of `any`. */
export async function countWith(all: readonly string[], any: readonly string[]): Promise<number> {
	const row = await db
		.selectFrom('facility')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where(sql<boolean>`services @> ${sql.val([...all])}::text[]`)
		.where(sql<boolean>`services && ${sql.val([...any])}::text[]`)
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
	return (await getMany([id]))[0];
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
	/** The program's codes among FILTER_CODES (what filters, matches and medications need). */
	codes: ReadonlySet<string>;
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

const RESULT_COLUMNS = [
	'facility.id',
	'name',
	'name2',
	'street1',
	'street2',
	'city',
	'state',
	'zip',
	'phone',
	latOf('facility.location').as('lat'),
	lngOf('facility.location').as('lng'),
	'location_precision as locationPrecision'
] as const;

/** facility_search's bitmasks as text: int8 would not survive as a JavaScript number. */
const BITS_COLUMNS = [
	sql<string>`facility_search.filter_lo::text`.as('filterLo'),
	sql<string>`facility_search.filter_hi::text`.as('filterHi')
] as const;

/** A CTE "hits" row's bitmasks (as text) and distance, beside the facility's own columns. */
const HIT_COLUMNS = [
	sql<string>`hits.filter_lo::text`.as('filterLo'),
	sql<string>`hits.filter_hi::text`.as('filterHi'),
	sql<number>`hits.meters / ${METERS_PER_MILE}::float8`.as('distanceMiles')
] as const;

/**
 * Nearest first: the radius and the filters are answered from the narrow facility_search table
 * (its GiST index, then bitmask tests on the rows it picks), with the total as a window count in
 * the same scan; only the page's rows are read from facility. Measured in scripts/bench/README.md:
 * at 1M programs this is 3.5 ms where the same search on facility took 110–150 ms.
 */
function pageNear(query: SearchQuery, center: LngLat) {
	const condition = bitsCondition(query.groups);
	const hits = db
		.selectFrom('facility_search')
		.select((eb) => [
			'id',
			'filter_lo',
			'filter_hi',
			distanceMeters('location', center).as('meters'),
			eb.fn.countAll<number>().over().as('total')
		])
		.where(within('location', center, query.radiusMiles * METERS_PER_MILE))
		.$if(condition !== undefined, (qb) => qb.where(condition!))
		// Programs often share a point (one address, or one ZIP center): the id keeps pages stable.
		.orderBy('meters')
		.orderBy('id')
		.limit(query.limit)
		.offset(query.offset);
	return db
		.with('hits', () => hits)
		.selectFrom('hits')
		.innerJoin('facility', 'facility.id', 'hits.id')
		.select([...RESULT_COLUMNS, ...HIT_COLUMNS, 'hits.total'])
		.orderBy('hits.meters')
		.orderBy('facility.id');
}

/** The total within the radius, for a page past the last one (which has no row to carry it). */
function countNear(query: SearchQuery, center: LngLat) {
	const condition = bitsCondition(query.groups);
	return db
		.selectFrom('facility_search')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where(within('location', center, query.radiusMiles * METERS_PER_MILE))
		.$if(condition !== undefined, (qb) => qb.where(condition!));
}

/** Nationwide: by state, city and name, straight off facility_national_order_idx. */
function pageNational(query: SearchQuery) {
	return matching(query)
		.innerJoin('facility_search', 'facility_search.id', 'facility.id')
		.select([...RESULT_COLUMNS, ...BITS_COLUMNS, sql<null>`null::float8`.as('distanceMiles')])
		.orderBy('state')
		.orderBy('city')
		.orderBy('name')
		.orderBy('facility.id')
		.limit(query.limit)
		.offset(query.offset);
}

/**
 * The nationwide total. Without filters, or with only a scope, it is the count kept when
 * facility_search was built (the table only changes on import), not a scan of every program;
 * with filters, a scan of the narrow table's bitmasks.
 */
function countNational(query: SearchQuery) {
	const condition = bitsCondition(query.groups);
	if (condition === undefined) {
		return db.selectFrom('facility_search_build').select('total as n');
	}
	const kept = keptScopeTotal(query.groups);
	if (kept !== undefined) {
		return db
			.selectFrom('facility_search_build')
			.select(sql<number>`(scope_totals ->> ${kept})::int`.as('n'));
	}
	return db
		.selectFrom('facility_search')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where(condition);
}

/**
 * The statements a search sends, for plans and benchmarks: nearest first, one statement that
 * carries the total (and a count only for a page past the end); nationwide, a page and a count.
 */
export function searchStatements(query: SearchQuery): CompiledQuery[] {
	return query.center
		? [pageNear(query, query.center).compile(), countNear(query, query.center).compile()]
		: [pageNational(query).compile(), countNational(query).compile()];
}

/**
 * The nearest matching programs outside the radius, nearest first: what a search that found few
 * inside it goes on with. The KNN operator walks the GiST index outwards from the center, so
 * this reads about as many rows as it skips inside the radius plus `limit`.
 */
function pageBeyond(query: AreaQuery, center: LngLat, limit: number) {
	const condition = bitsCondition(query.groups);
	const hits = db
		.selectFrom('facility_search')
		.select(['id', 'filter_lo', 'filter_hi', distanceMeters('location', center).as('meters')])
		.where((eb) => eb.not(within('location', center, query.radiusMiles * METERS_PER_MILE)))
		.$if(condition !== undefined, (qb) => qb.where(condition!))
		.orderBy(nearest('location', center))
		.orderBy('id')
		.limit(limit);
	return db
		.with('hits', () => hits)
		.selectFrom('hits')
		.innerJoin('facility', 'facility.id', 'hits.id')
		.select([...RESULT_COLUMNS, ...HIT_COLUMNS])
		.orderBy('hits.meters')
		.orderBy('facility.id');
}

/** Up to `limit` matching programs beyond the radius, nearest first. */
export async function searchBeyond(
	query: AreaQuery,
	center: LngLat,
	limit: number
): Promise<SearchRow[]> {
	await searchTableReady();
	const rows = await pageBeyond(query, center, limit).execute();
	return rows.map(withCodes);
}

/**
 * Programs in one state that meet the search (its groups already hold the telehealth option),
 * nearest first, with their total: for a search that found few programs near it, the ones that
 * may see a person by video or phone from anywhere in the state.
 */
export async function inState(
	groups: readonly SelectedGroup[],
	center: LngLat,
	state: string,
	limit: number
): Promise<{ items: SearchRow[]; total: number }> {
	await searchTableReady();
	const condition = groupsCondition(groups);
	const rows = await db
		.selectFrom('facility')
		.innerJoin('facility_search', 'facility_search.id', 'facility.id')
		.select((eb) => [
			...RESULT_COLUMNS,
			...BITS_COLUMNS,
			sql<number>`${distanceMeters('facility.location', center)} / ${METERS_PER_MILE}::float8`.as(
				'distanceMiles'
			),
			eb.fn.countAll<number>().over().as('total')
		])
		.where('state', '=', state)
		.$if(condition !== undefined, (qb) => qb.where(condition!))
		.orderBy('distanceMiles')
		.orderBy('facility.id')
		.limit(limit)
		.execute();
	return { items: rows.map(withCodes), total: Number(rows[0]?.total ?? 0) };
}

let searchTable: Promise<void> | undefined;

/** facility_search is current before the first search of this process (see search-table.ts). */
function searchTableReady(): Promise<void> {
	searchTable ??= ensureSearchTable(db).catch((error: unknown) => {
		searchTable = undefined;
		throw error;
	});
	return searchTable;
}

/** One page of matching programs (nearest first, or by state, city and name) and the total. */
export async function search(query: SearchQuery): Promise<{ items: SearchRow[]; total: number }> {
	await searchTableReady();
	const { center } = query;
	if (center) {
		const rows = await pageNear(query, center).execute();
		if (rows.length > 0) {
			return { items: rows.map(withCodes), total: Number(rows[0]!.total) };
		}
		const total =
			query.offset === 0 ? 0 : Number((await countNear(query, center).executeTakeFirst())?.n ?? 0);
		return { items: [], total };
	}
	const [items, count] = await Promise.all([
		pageNational(query).execute(),
		countNational(query).executeTakeFirst()
	]);
	return { items: items.map(withCodes), total: Number(count?.n ?? 0) };
}

/** A row with its bitmask columns read as the codes they stand for (and no window total). */
function withCodes<Row extends { filterLo: string; filterHi: string; total?: unknown }>({
	filterLo,
	filterHi,
	total: _total,
	...rest
}: Row): Omit<Row, 'filterLo' | 'filterHi' | 'total'> & { codes: Set<string> } {
	return { ...rest, codes: codesOfBits(filterLo, filterHi) };
}

export interface MapPoint {
	id: string;
	lat: number;
	lng: number;
	locationPrecision: LocationPrecision;
	services: string[];
}

// The national map reads up to every program; on the embedded database one statement for all of
// them held its one session for 0.2–0.5 s, and every other request waited that out. In slices of
// this many (by id, so each slice starts where the last ended), others take turns between them
// (db/fair-gate.ts).
const POINTS_PER_STATEMENT = 2_000;

/**
 * Every matching program's point, unpaged, for the map: in slices, so that the caller can turn
 * each into its answer while the next is read, and the server's thread is never held for all.
 */
export async function* pointSlices(
	query: AreaQuery,
	codes: readonly string[]
): AsyncGenerator<MapPoint[]> {
	for (let after: string | undefined; ;) {
		const slice = await pointsAfter(query, codes, after);
		yield slice;
		if (slice.length < POINTS_PER_STATEMENT) return;
		after = slice.at(-1)!.id;
	}
}

function pointsAfter(query: AreaQuery, codes: readonly string[], after: string | undefined) {
	return matching(query)
		.$if(after !== undefined, (qb) => qb.where('id', '>', after!))
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
		.limit(POINTS_PER_STATEMENT)
		.execute();
}

/** Ids of every program within the radius, whatever its services (the base set for facets). */
export async function idsWithin(center: LngLat, radiusMiles: number): Promise<string[]> {
	await searchTableReady();
	const rows = await db
		.selectFrom('facility_search')
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
			...RESULT_COLUMNS,
			'intake_phones as intakePhones',
			'website',
			'location_source as locationSource',
			'services',
			'source',
			sql<string>`to_char(source_date, 'YYYY-MM-DD')`.as('sourceDate')
		])
		.where('id', 'in', [...ids])
		.execute();
}
