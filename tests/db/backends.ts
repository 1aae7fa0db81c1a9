import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { register } from 'tsx/esm/api';
import { connect, type Database } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

// Kysely's FileMigrationProvider loads db/migrations/*.ts with Node's own import(), which
// Vitest does not transform; tsx's loader hooks let Node load them as they do in `npm run db:migrate`.
register();

/** A database engine the db tests run against; each `open()` is a fresh, migrated database. */
export interface TestBackend {
	name: 'pglite' | 'postgres';
	open(): Promise<Database>;
}

const pglite: TestBackend = {
	name: 'pglite',
	async open() {
		return migrated(connect({ dataDir: 'memory://' }));
	}
};

// One database per open(), created through the server's maintenance database and dropped on
// close, so test files never see each other's rows.
function postgres(adminUrl: string): TestBackend {
	return {
		name: 'postgres',
		async open() {
			const name = `mat_test_${randomBytes(6).toString('hex')}`;
			await admin(adminUrl, `create database ${name}`);
			const url = new URL(adminUrl);
			url.pathname = `/${name}`;
			const database = connect({ databaseUrl: url.href, dataDir: 'unused', poolSize: 4 });
			const opened = await migrated(database).catch(async (error: unknown) => {
				await admin(adminUrl, `drop database if exists ${name} with (force)`);
				throw error;
			});
			return {
				...opened,
				async close() {
					await database.close();
					await admin(adminUrl, `drop database if exists ${name} with (force)`);
				}
			};
		}
	};
}

async function migrated(database: Database): Promise<Database> {
	try {
		await migrateToLatest(database.db);
		return database;
	} catch (error) {
		await database.close();
		throw error;
	}
}

async function admin(url: string, statement: string): Promise<void> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
	await client.connect();
	try {
		await client.query(statement);
	} finally {
		await client.end();
	}
}

function selectBackends(env: NodeJS.ProcessEnv): TestBackend[] {
	if (env.TEST_DATABASE_URL) return [pglite, postgres(env.TEST_DATABASE_URL)];
	if (env.REQUIRE_POSTGRES === '1') {
		throw new Error(
			'REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: run the db tests through ' +
				'scripts/test/with-postgres.sh (npm test does), or point TEST_DATABASE_URL at a ' +
				'PostgreSQL + PostGIS server whose user may create databases.'
		);
	}
	return [pglite];
}

export const backends: TestBackend[] = selectBackends(process.env);
