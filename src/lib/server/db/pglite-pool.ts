import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type { PgliteThread, ThreadResult } from './pglite-thread';

/**
 * Presents the embedded database (one PGlite instance on its own thread) as the `pg.Pool` that
 * Kysely's PostgresDialect expects, so the embedded and server databases share the same dialect,
 * compiler and migrations.
 *
 * PGlite is a single session: two Kysely transactions interleaving on it would share one
 * BEGIN. So the pool hands out one client at a time and queues every other caller until it is
 * released, exactly like a pg pool of size 1. A thread that ended (its WebAssembly aborted) is
 * started again by the next caller.
 */
export function pglitePool(open: () => PgliteThread): PostgresPool {
	let thread: PgliteThread | undefined;
	let tail: Promise<void> = Promise.resolve();

	function current(): PgliteThread {
		if (!thread) {
			const started = open();
			thread = started;
			void started.exited.then(() => {
				if (thread === started) thread = undefined;
			});
		}
		return thread;
	}

	return {
		async connect(): Promise<PostgresPoolClient> {
			let release!: () => void;
			const previous = tail;
			tail = new Promise<void>((resolve) => (release = resolve));
			await previous;
			let released = false;
			return {
				query: (async (text: string, parameters: ReadonlyArray<unknown>) => {
					const params = parameters.length === 0 ? null : [...parameters];
					return toPgResult(await current().run(text, params));
				}) as PostgresPoolClient['query'],
				release() {
					if (released) return;
					released = true;
					release();
				}
			};
		},
		async end() {
			await tail;
			await thread?.close();
		}
	};
}

function toPgResult(result: ThreadResult): PostgresQueryResult<unknown> {
	return {
		command: (result.command ?? 'SELECT') as PostgresQueryResult<unknown>['command'],
		rowCount: result.affectedRows ?? result.rows.length,
		rows: result.rows
	};
}
