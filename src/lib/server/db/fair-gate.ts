import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { DatabaseBusy, isDatabaseUnavailable } from './outage';

/**
 * Sheds load before it queues without limit. The database can serve `capacity` sessions at once
 * (one for the embedded database, the pool's size for PostgreSQL); requests wait for one in a
 * queue per client, served in turn, so a client that sends a hundred requests at once waits behind
 * itself while everyone else is served between its requests. Beyond `perClient` sessions held or
 * awaited by one client, beyond `maxWaiting` in all, or after `waitMs` in the queue, a request is
 * refused at once with DatabaseBusy (503 with Retry-After: db/outage.ts).
 */
export interface GateOptions {
	capacity: number;
	perClient: number;
	maxWaiting: number;
	waitMs: number;
	/**
	 * Longest one statement may take before its caller is answered (PostgreSQL cancels its own by
	 * statement_timeout; PGlite cannot, so the statement runs on and the gate only stops waiting).
	 */
	queryTimeoutMs?: number;
}

interface Waiter {
	admit(): void;
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
	const queues = new Map<string, Waiter[]>();
	const held = new Map<string, number>();
	let running = 0;
	let waiting = 0;
	const health: GateHealth = { lastSuccess: -Infinity, lastFailure: -Infinity };

	const count = (client: string, by: number) => {
		const n = (held.get(client) ?? 0) + by;
		if (n === 0) held.delete(client);
		else held.set(client, n);
	};

	// Round robin: the first client in the map is served, then moves to the back.
	function dispatch(): void {
		while (running < options.capacity && waiting > 0) {
			const [client, queue] = queues.entries().next().value as [string, Waiter[]];
			const waiter = queue.shift() as Waiter;
			queues.delete(client);
			if (queue.length > 0) queues.set(client, queue);
			waiting--;
			running++;
			waiter.admit();
		}
	}

	function acquire(client: string): Promise<() => void> {
		if ((held.get(client) ?? 0) >= options.perClient) {
			return Promise.reject(new DatabaseBusy('too many requests from one client at once'));
		}
		if (waiting >= options.maxWaiting) {
			return Promise.reject(new DatabaseBusy('too many requests waiting for the database'));
		}
		count(client, 1);
		let done = false;
		const release = () => {
			if (done) return;
			done = true;
			running--;
			count(client, -1);
			dispatch();
		};
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				const queue = queues.get(client);
				const at = queue?.indexOf(waiter) ?? -1;
				if (at < 0) return;
				queue?.splice(at, 1);
				if (queue?.length === 0) queues.delete(client);
				waiting--;
				count(client, -1);
				reject(new DatabaseBusy('the database is busy'));
			}, options.waitMs);
			const waiter: Waiter = {
				admit: () => {
					clearTimeout(timer);
					resolve(release);
				}
			};
			const queue = queues.get(client);
			if (queue) queue.push(waiter);
			else queues.set(client, [waiter]);
			waiting++;
			dispatch();
		});
	}

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
			const release = await acquire(clientOf() ?? '(server)');
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
