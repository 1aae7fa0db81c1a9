// npm run db:migrate: brings the configured database (DATABASE_URL, or the embedded one in
// DATA_DIR) up to the latest schema.
import { readConfig } from '../src/lib/server/config';
import { connect } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';

// Its own connection, without the app's query timeout: a migration may rewrite a large table.
const config = readConfig();
const {
	db,
	kind: dbKind,
	close: closeDb
} = connect({
	databaseUrl: config.DATABASE_URL,
	dataDir: config.DATA_DIR
});

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
