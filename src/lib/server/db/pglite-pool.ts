import type { PGlite, Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * Presents one PGlite instance as the `pg.Pool` that Kysely's PostgresDialect expects, so the
 * embedded and server databases share the same dialect, compiler and migrations.
 *
 * PGlite is a single session: two Kysely transactions interleaving on it would share one
 * BEGIN. So the pool hands out one client at a time and queues every other caller until it is
 * released, exactly like a pg pool of size 1.
 */
export function pglitePool(open: () => Promise<PGlite>): PostgresPool {
	let instance: Promise<PGlite> | undefined;
	let tail: Promise<void> = Promise.resolve();

	return {
		async connect(): Promise<PostgresPoolClient> {
			const pg = await (instance ??= open());
			let release!: () => void;
			const previous = tail;
			tail = new Promise<void>((resolve) => (release = resolve));
			await previous;
			let released = false;
			return {
				query: (async (text: string, parameters: ReadonlyArray<unknown>) => {
					// Parameterless statements go through the simple protocol, as node-postgres does,
					// so multi-statement DDL behaves the same on both backends.
					const result: Results =
						parameters.length === 0
							? lastResult(await pg.exec(text))
							: await pg.query(text, parameters as unknown[]);
					return toPgResult(result);
				}) as PostgresPoolClient['query'],
				release() {
					if (released) return;
					released = true;
					release();
				}
			};
		},
		async end() {
			if (!instance) return;
			const pg = await instance;
			await tail;
			if (!pg.closed) await pg.close();
		}
	};
}

function lastResult(results: Results[]): Results {
	return results.at(-1) ?? { rows: [], fields: [], affectedRows: 0 };
}

function toPgResult(result: Results): PostgresQueryResult<unknown> {
	const withCommand = result as Results & { command?: string; rowCount?: number };
	return {
		command: (withCommand.command ?? 'SELECT') as PostgresQueryResult<unknown>['command'],
		rowCount: withCommand.rowCount ?? result.affectedRows ?? result.rows.length,
		rows: result.rows
	};
}
