import type { Insertable, Transaction } from 'kysely';
import { point } from '../db/postgis';
import { rebuildSearchTable } from '../db/search-table';
import type { DB, FacilityTable } from '../db/schema';
import type { ImportSummary, PlacedFacility, ServiceCodeRecord } from './types';

// 18 parameters a row (the point takes two). PostgreSQL allows 65,535 a statement, but PGlite
// 0.5.8 mis-types parameters past 32,767 ('malformed array literal'), so batches stay well under
// that; larger batches were no faster anyway.
const BATCH_ROWS = 1000;

/**
 * Replaces every facility with `facilities`, and rebuilds the search table derived from them;
 * call inside the import's transaction.
 */
export async function replaceFacilities(
	trx: Transaction<DB>,
	facilities: PlacedFacility[],
	onBatch?: (done: number) => void
): Promise<void> {
	await trx.deleteFrom('facility').execute();
	for (let start = 0; start < facilities.length; start += BATCH_ROWS) {
		const batch = facilities.slice(start, start + BATCH_ROWS);
		await trx.insertInto('facility').values(batch.map(toRow)).execute();
		onBatch?.(start + batch.length);
	}
	await rebuildSearchTable(trx);
}

function toRow(f: PlacedFacility): Insertable<FacilityTable> {
	return {
		id: f.id,
		name: f.name,
		name2: f.name2,
		street1: f.street1,
		street2: f.street2,
		city: f.city,
		state: f.state,
		zip: f.zip,
		phone: f.phone,
		intake_phones: f.intakePhones,
		website: f.website,
		location: point(f.point),
		location_precision: f.precision,
		location_source: f.locationSource,
		services: f.services,
		source: f.source,
		source_date: f.sourceDate
	};
}

/** Adds or updates service codes; codes no longer listed stay, as old rows may still use them. */
export async function upsertServiceCodes(
	trx: Transaction<DB>,
	codes: ServiceCodeRecord[]
): Promise<void> {
	if (codes.length === 0) return;
	await trx
		.insertInto('service_code')
		.values(
			codes.map((c) => ({
				code: c.code,
				category_code: c.categoryCode,
				category_name: c.categoryName,
				name: c.name,
				description: c.description,
				source: c.source
			}))
		)
		.onConflict((oc) =>
			oc.column('code').doUpdateSet((eb) => ({
				category_code: eb.ref('excluded.category_code'),
				category_name: eb.ref('excluded.category_name'),
				name: eb.ref('excluded.name'),
				description: eb.ref('excluded.description'),
				source: eb.ref('excluded.source')
			}))
		)
		.execute();
}

/** Records the run, with its full summary, and returns its id. */
export async function recordImportRun(
	trx: Transaction<DB>,
	source: string,
	summary: ImportSummary
): Promise<number> {
	const { id } = await trx
		.insertInto('import_run')
		.values({ source, summary: JSON.stringify(summary) })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}
