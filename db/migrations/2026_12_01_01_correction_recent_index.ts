import { sql, type Kysely } from 'kysely';

// Before storing a report the app adds up the reports of the last 24 hours (the per-program cap
// and the site's daily ceiling on stored text): an index on the time keeps that a short range
// scan however long the table grows.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`create index correction_first_reported on correction (first_reported_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index correction_first_reported`.execute(db);
}
