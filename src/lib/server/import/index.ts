import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { prepareImport } from './prepare';
import { defaultSources, type ImportSources } from './sources';
import type { ImportProgress, ImportSummary } from './types';
import { recordImportRun, replaceFacilities, upsertServiceCodes } from './write';

export { defaultSources, DATA_DIR, type ImportSources } from './sources';
export { SourceFileError } from './read-csv';
export type { ImportProgress, ImportSummary, Rejection } from './types';

export interface ImportOptions {
	onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult extends ImportSummary {
	/** The import_run row that holds this summary. */
	runId: number;
}

/**
 * Replaces all facilities with those in `sources`. Files are read and checked before anything is
 * written, and the write is one transaction: on any error the previous data stays as it was.
 */
export async function importSources(
	db: Kysely<DB>,
	sources: ImportSources,
	{ onProgress }: ImportOptions = {}
): Promise<ImportResult> {
	const started = performance.now();
	const { facilities, serviceCodes, summary } = await prepareImport(sources, onProgress);
	if (facilities.length === 0) {
		// Replacing the directory with nothing is never what was meant.
		throw new Error('No facility could be imported; the database was left unchanged');
	}

	const total = facilities.length;
	onProgress?.({ phase: 'write', done: 0, total });
	const runId = await db.transaction().execute(async (trx) => {
		await upsertServiceCodes(trx, serviceCodes);
		await replaceFacilities(trx, facilities, (done) =>
			onProgress?.({ phase: 'write', done, total })
		);
		const durationMs = Math.round(performance.now() - started);
		return recordImportRun(trx, describe(sources), { ...summary, durationMs });
	});
	// Every import replaces every row: reclaim the dead ones and refresh the planner's statistics,
	// or searches slow down a little with each re-import. VACUUM cannot run inside a transaction.
	await sql`vacuum analyze facility, facility_search`.execute(db);
	return { ...summary, durationMs: Math.round(performance.now() - started), runId };
}

/** Imports the vendored data in db/data (see db/data/SOURCE.md). */
export function importDefaultSources(db: Kysely<DB>, options?: ImportOptions) {
	return importSources(db, defaultSources(), options);
}

function describe(sources: ImportSources): string {
	const names = (files: string[] = []) => files.map((f) => path.basename(f)).join(', ');
	const coordinates = names(sources.coordinates);
	return names(sources.facilities) + (coordinates ? ` (placed with ${coordinates})` : '');
}
