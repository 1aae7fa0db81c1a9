import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, type Kysely, type MigrationResult } from 'kysely';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../db/migrations', import.meta.url));

/** Runs every pending migration in db/migrations; throws with the failing file's name. */
export async function migrateToLatest(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are schema-agnostic
	db: Kysely<any>,
	folder = MIGRATIONS_DIR
): Promise<MigrationResult[]> {
	const migrator = new Migrator({
		db,
		provider: new FileMigrationProvider({ fs, path, migrationFolder: folder })
	});
	const { error, results = [] } = await migrator.migrateToLatest();
	const failed = results.find((r) => r.status === 'Error');
	if (error) {
		const where = failed ? ` (${failed.migrationName})` : '';
		throw new Error(`Migration failed${where}: ${String((error as Error).message ?? error)}`, {
			cause: error
		});
	}
	return results;
}
