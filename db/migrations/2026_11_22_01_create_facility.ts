import { sql, type Kysely } from 'kysely';

// Frozen: never edit a migration that has run anywhere; add a new dated file instead.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`create extension if not exists postgis`.execute(db);

	await db.schema
		.createTable('service_code')
		.addColumn('code', 'text', (col) => col.primaryKey())
		.addColumn('category_code', 'text', (col) => col.notNull())
		.addColumn('category_name', 'text', (col) => col.notNull())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('description', 'text')
		.addColumn('source', 'text', (col) => col.notNull())
		.execute();

	await db.schema
		.createTable('facility')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('name', 'text', (col) => col.notNull())
		.addColumn('name2', 'text')
		.addColumn('street1', 'text', (col) => col.notNull())
		.addColumn('street2', 'text')
		.addColumn('city', 'text', (col) => col.notNull())
		.addColumn('state', 'text', (col) => col.notNull())
		.addColumn('zip', 'text', (col) => col.notNull())
		.addColumn('phone', 'text')
		.addColumn('intake_phones', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
		.addColumn('website', 'text')
		.addColumn('location', sql`geography(Point, 4326)`, (col) => col.notNull())
		.addColumn('location_precision', 'text', (col) =>
			col.notNull().check(sql`location_precision in ('address', 'zip')`)
		)
		.addColumn('location_source', 'text', (col) => col.notNull())
		.addColumn('services', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
		.addColumn('source', 'text', (col) => col.notNull())
		.addColumn('source_date', 'date', (col) => col.notNull())
		.addColumn('imported_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();

	// Radius search (ST_DWithin) and nearest-first ordering (<->) both use this index.
	await sql`create index facility_location_gist on facility using gist (location)`.execute(db);
	// Filters are "has any of these codes" per group (services && array[...]), which GIN serves;
	// see db/QUERY-PLANS.md for the plan against a join table.
	await sql`create index facility_services_gin on facility using gin (services)`.execute(db);
	await db.schema.createIndex('facility_state_idx').on('facility').column('state').execute();

	await db.schema
		.createTable('import_run')
		.addColumn('id', 'serial', (col) => col.primaryKey())
		.addColumn('finished_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('source', 'text', (col) => col.notNull())
		.addColumn('summary', 'jsonb', (col) => col.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('import_run').execute();
	await db.schema.dropTable('facility').execute();
	await db.schema.dropTable('service_code').execute();
}
