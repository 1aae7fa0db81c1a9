import { sql, type Kysely } from 'kysely';

// Reports of a wrong listing, from the program's page. Nothing about the person who reported is
// stored: no address, no browser, no account. A report names the program by id without a foreign
// key, because every import replaces the facility rows (ids are stable across imports, and a
// report about a program that has since left the directory is still worth reading).
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('correction')
		.addColumn('id', 'serial', (col) => col.primaryKey())
		.addColumn('facility_id', 'text', (col) => col.notNull())
		.addColumn('kind', 'text', (col) =>
			col.notNull().check(sql`kind in ('phone', 'address', 'closed', 'services', 'other')`)
		)
		.addColumn('details', 'text', (col) =>
			col
				.notNull()
				.defaultTo('')
				.check(sql`char_length(details) <= 1000`)
		)
		.addColumn('status', 'text', (col) =>
			col
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'resolved')`)
		)
		// Identical open reports are folded into one row that counts them.
		.addColumn('reports', 'integer', (col) => col.notNull().defaultTo(1))
		.addColumn('first_reported_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.addColumn('last_reported_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
		.execute();
	// What makes two open reports "the same": program, kind and text, ignoring case (the app
	// collapses spacing before it stores a report). md5 keeps the key short for long texts.
	await sql`
		create unique index correction_open_same on correction (facility_id, kind, md5(lower(details)))
			where status = 'open'`.execute(db);
	await sql`create index correction_facility on correction (facility_id) where status = 'open'`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('correction').execute();
}
