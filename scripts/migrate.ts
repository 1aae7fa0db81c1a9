// npm run db:migrate: brings the configured database (DATABASE_URL, or the embedded one in
// DATA_DIR) up to the latest schema.
import { closeDb, db, dbKind } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';

try {
	const results = await migrateToLatest(db);
	const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
	console.log(
		applied.length
			? `Applied ${applied.length} migration(s) on ${dbKind}: ${applied.join(', ')}`
			: `Database (${dbKind}) is up to date.`
	);
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	await closeDb();
}
