import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { DatabaseBusy, isDatabaseUnavailable } from './outage';
import { Turns, type TurnLimits } from './turns';

/**
 * Sheds load before it queues without limit: a pool whose sessions are handed out in turns
 * (turns.ts), with a deadline for each statement.
 */
export interface GateOptions extends TurnLimits {
	/**
	 * Longest one statement may take before its caller is answered (PostgreSQL cancels its own by
	 * statement_timeout; PGlite cannot, so the statement runs on and the gate only stops waiting).
	 */
	queryTimeoutMs?: number;
}

const timedOut = (ms: number) =>
	// SQLSTATE 57014 (query_canceled), as PostgreSQL's statement_timeout reports it.
	Object.assign(new Error(`canceling statement due to statement timeout (${ms} ms)`), {
		code: '57014'
	});

/** What the gate has seen lately, for /healthz (which must not queue behind a flood). */
export interface GateHealth {
	/** performance.now() of the last statement that succeeded, and of the last that could not reach the database. */
	lastSuccess: number;
	lastFailure: number;
}

/**
 * The pool's session, or DatabaseBusy after `ms`: a command that came through the operator socket
 * (an import's transaction) may hold it for longer, and a request should not wait that out.
 */
function connectWithin(inner: PostgresPool, ms: number): Promise<PostgresPoolClient> {
	const connecting = inner.connect();
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			// The session arrives in the end; give it back at once.
			void connecting.then((client) => client.release()).catch(() => {});
			reject(new DatabaseBusy('the database is busy'));
		}, ms);
	});
	return Promise.race([connecting, late]).finally(() => clearTimeout(timer));
}

export function gatedPool(
	inner: PostgresPool,
	options: GateOptions,
	clientOf: () => string | undefined
): PostgresPool & { health: GateHealth } {
	const turns = new Turns(options);
	const health: GateHealth = { lastSuccess: -Infinity, lastFailure: -Infinity };

	function timed<T>(work: Promise<T>): Promise<T> {
		const ms = options.queryTimeoutMs;
		if (!ms) return work;
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(timedOut(ms)), ms);
		});
		return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
	}

	return {
		health,
		async connect(): Promise<PostgresPoolClient> {
			const release = await turns.take(clientOf() ?? '(server)');
			let client: PostgresPoolClient;
			try {
				client = await connectWithin(inner, options.waitMs);
			} catch (error) {
				if (isDatabaseUnavailable(error)) health.lastFailure = performance.now();
				release();
				throw error;
			}
			return {
				query: (async (sql: string, parameters: readonly unknown[]) => {
					try {
						const result = await timed(client.query(sql, parameters));
						health.lastSuccess = performance.now();
						return result;
					} catch (error) {
						if (isDatabaseUnavailable(error)) health.lastFailure = performance.now();
						throw error;
					}
				}) as PostgresPoolClient['query'],
				release() {
					client.release();
					release();
				}
			};
		},
		end: () => inner.end()
	};
}
