import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely, PostgresDialect } from 'kysely';
import { readConfig, type Config } from '../config';
import { connect, type DatabaseKind } from './connect';
import { gatedPool, type GateOptions } from './fair-gate';
import { providedDatabase } from './host';
import type { DB } from './schema';

// The app's one database client. Which backend it talks to is decided here, from DATABASE_URL,
// and nowhere else. A request's query never needs seconds; one that takes QUERY_TIMEOUT_MS (10 s)
// is stuck (or the server is), and failing it as 503 beats holding the request open.
const config = readConfig();
const POOL_SIZE = 10;
const database =
	providedDatabase() ??
	connect({
		databaseUrl: config.DATABASE_URL,
		dataDir: config.DATA_DIR,
		queryTimeoutMs: config.QUERY_TIMEOUT_MS || undefined,
		poolSize: POOL_SIZE
	});

// Which client a request comes from (set per request by hooks.server.ts), for the gate's turns.
const requestClient = new AsyncLocalStorage<string>();

/** Runs `work` (a request) as `client`'s: its queries take their turn as that client's. */
export function asClient<T>(client: string, work: () => T): T {
	return requestClient.run(client, work);
}

/** The client the current request comes from, if any (for limits of their own, load-shedding.ts). */
export function currentClient(): string | undefined {
	return requestClient.getStore();
}

/**
 * Runs `work` as the server's own, outside any request: for what many requests wait on together
 * (the data version, the facet index), which must not wait in the turn of whichever client
 * happened to start it, nor count against that client's allowance.
 */
export function asServer<T>(work: () => T): T {
	return requestClient.exit(work);
}

// One session for the embedded database; the pool's size for PostgreSQL, of which no client may
// take more than half. Waiting longer than a few seconds means the database is saturated: say
// so (503) rather than queue more. PGlite cannot cancel a statement, so its timeout only stops
// the wait (fair-gate.ts).
function gateOptions(kind: DatabaseKind, { QUERY_TIMEOUT_MS }: Config): GateOptions {
	return kind === 'pglite'
		? {
				capacity: 1,
				perClient: 16,
				maxWaiting: 64,
				waitMs: 5_000,
				refusalDelayMs: 1_000,
				queryTimeoutMs: QUERY_TIMEOUT_MS || undefined
			}
		: {
				capacity: POOL_SIZE,
				perClient: 16,
				runningPerClient: POOL_SIZE / 2,
				maxWaiting: 200,
				waitMs: 5_000,
				refusalDelayMs: 1_000
			};
}

const pool = gatedPool(database.pool, gateOptions(database.kind, config), () =>
	requestClient.getStore()
);

export const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
export const dbKind = database.kind;
/** When the database last answered, and last failed to: /healthz reads it. */
export const dbHealth = pool.health;
export const closeDb = () => db.destroy();
