import { sql, type Kysely } from 'kysely';

// A narrow copy of what a radius search needs (id, point, filterable codes as a bitmask), kept in
// spatial order with its own GiST index. A radius search scans this instead of the ~1 KB facility
// rows and joins back only its page; see scripts/bench/README.md for the measurements. Rebuilt
// from facility by the import (src/lib/server/db/search-table.ts), never written row by row.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('facility_search')
		.addColumn('id', 'text', (col) => col.primaryKey())
		.addColumn('location', sql`geography(Point, 4326)`, (col) => col.notNull())
		.addColumn('filter_lo', 'int8', (col) => col.notNull())
		.addColumn('filter_hi', 'int8', (col) => col.notNull())
		.execute();
	await sql`create index facility_search_gist on facility_search using gist (location)`.execute(db);

	// One row: which filter codes the bits stand for, in bit order, and the number of programs.
	await db.schema
		.createTable('facility_search_build')
		.addColumn('one', 'boolean', (col) =>
			col
				.primaryKey()
				.defaultTo(true)
				.check(sql`one`)
		)
		.addColumn('codes', sql`text[]`, (col) => col.notNull())
		.addColumn('total', 'integer', (col) => col.notNull())
		.addColumn('built_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('facility_search_build').execute();
	await db.schema.dropTable('facility_search').execute();
}
