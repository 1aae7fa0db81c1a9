import type { Kysely } from 'kysely';

// A search without a place lists programs by state, city and name; this index lets the first
// pages come straight off it instead of sorting every match.
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createIndex('facility_national_order_idx')
		.on('facility')
		.columns(['state', 'city', 'name', 'id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('facility_national_order_idx').execute();
}
