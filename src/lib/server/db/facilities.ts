import { sql } from 'kysely';
import { db } from './index';
import { latOf, lngOf } from './postgis';
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
