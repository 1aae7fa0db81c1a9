import { createHash } from 'node:crypto';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';
import { openEmbedded, type EmbeddedMode } from './embedded';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseConfig {
	/** postgres://… for a PostgreSQL + PostGIS server; absent for the embedded database. */
	databaseUrl?: string;
	/** Where the embedded database lives; 'memory://' keeps it in memory (tests). */
	dataDir: string;
	/** Connections in the pg pool. */
	poolSize?: number;
	/**
	 * Longest a query may run on PostgreSQL (server-side statement_timeout, and a client-side
	 * timeout a little later for a server that stops answering). Unset: no limit, for imports.
	 */
	queryTimeoutMs?: number;
	/**
	 * The embedded database: 'share' (commands) reaches it through a running server when there is
	 * one; 'own' (the server) must hold it itself. See db/embedded.ts.
	 */
	embedded?: EmbeddedMode;
}

export interface Database {
	db: Kysely<DB>;
	kind: DatabaseKind;
	/** The pool under `db`, for a process that shares it (db/host.ts, db/operator-socket.ts). */
	pool: PostgresPool;
	close(): Promise<void>;
}

// Both backends hand back the same JavaScript types: int8 and numeric as numbers (our counts and
// distances fit), and dates as 'YYYY-MM-DD' strings, because pg would otherwise turn a date into a
// local-midnight Date and PGlite into a UTC one (pglite-worker.js sets the same parsers).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, Number);
pg.types.setTypeParser(NUMERIC, Number);
pg.types.setTypeParser(DATE, (value: string) => value);
// Kysely sends text and parameters, which pg sends as an unnamed statement: parsed and analyzed
// again on every call. This client gives each read's text a name, so pg parses it once per
// connection and afterwards only binds and executes it (plan_cache_mode, below, keeps planning
// per call). The app's reads have few shapes (one per combination of filter groups), so the
// names are capped; statements past the cap, and any not starting with select or with, run
// unnamed as before.
const MAX_PREPARED = 200;
const statementNames = new Map<string, string>();

function statementName(text: string): string | undefined {
	const known = statementNames.get(text);
	if (known !== undefined || statementNames.size >= MAX_PREPARED) return known;
	if (!/^\s*(select|with)\b/i.test(text)) return undefined;
	const name = `mat_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
	statementNames.set(text, name);
	return name;
}

class PreparingClient extends pg.Client {
	// pg's query() has many overloads; only Kysely's form (text, values) is named.
	override query(...args: unknown[]): never {
		const [text, values] = args;
		if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
			const name = statementName(text);
			if (name !== undefined) {
				return (super.query as (...a: unknown[]) => never)({ name, text, values });
			}
		}
		return (super.query as (...a: unknown[]) => never)(...args);
	}
}

export function connect(config: DatabaseConfig): Database {
	if (config.databaseUrl) {
		const pool = new pg.Pool({
			Client: PreparingClient,
			connectionString: config.databaseUrl,
			max: config.poolSize ?? 10,
			connectionTimeoutMillis: 5_000,
			...(config.queryTimeoutMs
				? {
						statement_timeout: config.queryTimeoutMs,
						query_timeout: config.queryTimeoutMs + 2_000
					}
				: {}),
			// The app sends only short queries. PostGIS's high cost estimates for ST_DWithin
			// otherwise trigger JIT compilation (13 ms seen on a 2 ms search) and parallel workers
			// that cost more to start than the scan. Prepared reads (below) are planned for their
			// values every time: the generic plan PostgreSQL would switch to after five runs cannot
			// see the radius, and at 1M programs made 100-mile searches 30% slower (11.7 → 15.4 ms
			// p50; scripts/bench/README.md). Parsing is still saved.
			options:
				'-c jit=off -c max_parallel_workers_per_gather=0 -c plan_cache_mode=force_custom_plan'
		});
		// A client losing its server (restart, failover) must not crash the process. The pool
		// listens on idle clients only; a checked-out client between two queries (Kysely holds one
		// for a whole search or transaction) emits 'error' with no listener, which kills the
		// process. So every client gets one: its next query fails (503), and on release the pool
		// drops it and opens a new one.
		pool.on('error', () => {});
		pool.on('connect', (client) => client.on('error', () => {}));
		const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
		return { db, kind: 'postgres', pool, close: () => db.destroy() };
	}

	const pool = openEmbedded(config.dataDir, config.embedded ?? 'share');
	const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
	return { db, kind: 'pglite', pool, close: () => db.destroy() };
}
