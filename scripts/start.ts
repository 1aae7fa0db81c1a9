// npm start: one command from a fresh clone to a running locator. Builds the app when the build is
// missing or older than the source, brings the database to the latest schema, imports the
// national directory when the database is empty, then serves it and prints the URL.
import { execFileSync } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readConfig } from '../src/lib/server/config';
import { sql } from 'kysely';
import { connect, type Database } from '../src/lib/server/db/connect';
import { provideDatabase } from '../src/lib/server/db/host';
import { serveOperatorSocket } from '../src/lib/server/db/operator-socket';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { ensureSearchTable } from '../src/lib/server/db/search-table';
import { answerRateLimits } from '../src/lib/server/rate-limit';
import { importDefaultSources } from '../src/lib/server/import/index';
import { warnIfOpenWithoutOrigin } from '../src/lib/server/proxy';
import { createAppServer } from './serve/http';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

function newestMtime(entry: string): number {
	if (!existsSync(entry)) return 0;
	const stat = statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(entry).reduce(
		(newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
		stat.mtimeMs
	);
}

function ensureBuild(): void {
	const built = path.join(root, 'build', 'handler.js');
	const inputs = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	const sourceTime = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
	if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) return;
	console.log('Building the app…');
	execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	console.log(`Built in ${seconds()} s.`);
}

type Config = ReturnType<typeof readConfig>;

/**
 * Opens the database, migrates it and imports the national directory when it is empty. The
 * embedded database is this process's alone from here on (it holds DATA_DIR's lock): it stays
 * open, is handed to the app (db/host.ts), and the operator's commands reach it through the socket
 * served here. Resolves to what must be closed on stop.
 */
async function openDatabase(config: Config): Promise<{ close(): Promise<void> }> {
	const database = connect({
		databaseUrl: config.DATABASE_URL,
		dataDir: config.DATA_DIR,
		embedded: 'own'
	});
	let operators: { close(): Promise<void> } | null = null;
	const close = async () => {
		await operators?.close();
		await database.close();
	};
	try {
		if (database.kind === 'pglite') {
			console.log(`Opening the embedded database in ${path.resolve(config.DATA_DIR)}…`);
			await sql`select 1`.execute(database.db);
			operators = await serveOperatorSocket(config.DATA_DIR, database.pool);
		}
		await migrateToLatest(database.db);
		await importIfEmpty(database);
	} catch (error) {
		await close().catch(() => {});
		throw error;
	}
	if (database.kind !== 'pglite') {
		// Each server process opens its own pool to PostgreSQL.
		await database.close();
		return { close: async () => {} };
	}
	provideDatabase(database);
	return { close };
}

async function importIfEmpty({ db }: Database): Promise<void> {
	const { n } = await db
		.selectFrom('facility')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	if (Number(n) > 0) {
		// A database imported by an older release may need its search table (re)built.
		await ensureSearchTable(db);
		return;
	}
	console.log('The database is empty: importing SAMHSA’s national directory (first run only)…');
	const phases = {
		read: 'reading the source files',
		place: 'placing programs by address',
		write: 'writing the database'
	};
	let lastPhase = '';
	const summary = await importDefaultSources(db, {
		onProgress: ({ phase }) => {
			if (phase !== lastPhase) console.log(`  ${phases[phase]}…`);
			lastPhase = phase;
		}
	});
	console.log(
		`Imported ${summary.imported} programs (${summary.precision.address} placed by address, ` +
			`${summary.precision.zip} at their ZIP center; ${summary.merged} duplicates merged, ` +
			`${summary.rejected} rejected). Details: npm run db:import.`
	);
}

/**
 * Listens on PORT with the built app; resolves once listening (in a cluster, shared). On SIGINT or
 * SIGTERM it stops taking requests, lets those under way finish, then runs `onStop`.
 */
async function listen(config: Config, onStop: () => Promise<void> = async () => {}) {
	const { handler } = await import(pathToFileURL(path.join(root, 'build', 'handler.js')).href);
	const server = createAppServer(handler);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.PORT, config.HOST, resolve);
	});
	const stop = () => {
		// Closing the embedded database writes out what it holds; a process cut short before that
		// recovers on its next start, as after a crash.
		let stopping: Promise<void> | undefined;
		const exit = () => void (stopping ??= onStop().finally(() => process.exit(0)));
		server.close(exit);
		server.closeIdleConnections();
		setTimeout(() => {
			server.closeAllConnections();
			exit();
		}, 3_000).unref();
		setTimeout(() => process.exit(1), 15_000).unref();
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	// In a cluster the primary asks a worker to stop by disconnecting it.
	if (cluster.isWorker) cluster.worker?.once('disconnect', stop);
}

async function ready(config: Config, processes: number): Promise<void> {
	// The app opens its own database connection on the first request; make that request ourselves
	// (once per process, as requests take turns) so the first visitors do not wait for it.
	for (let i = 0; i < processes; i++) {
		const health = await fetch(`http://127.0.0.1:${config.PORT}/healthz`).catch(() => undefined);
		if (!health?.ok) {
			console.warn('Warning: /healthz did not answer OK; see the log above.');
			break;
		}
	}
	const across = processes > 1 ? ` across ${processes} processes` : '';
	console.log(
		`MAT Locator is running at http://localhost:${config.PORT}${across} (ready in ${seconds()} s)`
	);
}

/**
 * One server process per core with PostgreSQL (WORKERS to choose): Node runs JavaScript on one
 * core, and a search's own work (HTTP, rendering, JSON) is most of its cost
 * (scripts/bench/README.md, "npm run bench:load"). The embedded database is one process's.
 */
function processCount(config: Config): number {
	if (!config.DATABASE_URL) return 1;
	return config.WORKERS ?? availableParallelism();
}

/** Starts `count` workers, replaces any that die, and stops them all on SIGINT/SIGTERM. */
async function superviseWorkers(config: Config, count: number): Promise<void> {
	answerRateLimits();
	let stopping = false;
	let failedStarts = 0;
	const fork = () => cluster.fork();
	await new Promise<void>((resolve, reject) => {
		let listening = 0;
		cluster.on('listening', () => {
			if (++listening === count) resolve();
		});
		cluster.on('exit', (worker, code, signal) => {
			if (stopping) {
				if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
				return;
			}
			if (listening < count && ++failedStarts >= count) {
				reject(new Error('the server processes could not start; see the messages above'));
				return;
			}
			console.error(
				`A server process stopped (${signal ?? `exit code ${code}`}); starting another.`
			);
			// A second's pause, so a process that dies at once does not make a busy loop.
			setTimeout(fork, 1_000);
		});
		for (let i = 0; i < count; i++) fork();
	});
	const stop = () => {
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.disconnect();
		setTimeout(() => process.exit(0), 5_000).unref();
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

async function main(): Promise<void> {
	const config = readConfig();
	if (cluster.isWorker) {
		await listen(config);
		return;
	}
	const database = await openDatabase(config);
	ensureBuild();
	const processes = processCount(config);
	if (processes === 1) await listen(config, database.close);
	else await superviseWorkers(config, processes);
	await ready(config, processes);
	warnIfOpenWithoutOrigin(config);
}

try {
	await main();
} catch (error) {
	const err = error as NodeJS.ErrnoException;
	if (err.code === 'EADDRINUSE') {
		console.error(
			`Port ${readConfig().PORT} is in use. Set PORT to another port, e.g. PORT=3001 npm start`
		);
	} else {
		console.error(`Could not start: ${err.message}`);
	}
	process.exit(1);
}
