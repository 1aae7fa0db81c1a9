// The worker thread that owns the embedded database (src/lib/server/db/pglite-thread.ts starts
// it). PGlite runs PostgreSQL as WebAssembly on the thread that calls it, and a query holds that
// thread until it ends: on the server's own thread one national map query stalled every other
// request, static files and /healthz included. Here it stalls only this thread.
//
// Plain JavaScript, importing nothing of the app's: it is started as a file from every context
// (tsx scripts, Vitest, vite dev), none of which needs a TypeScript loader for it.
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

// Both backends hand back the same JavaScript types: int8 and numeric as numbers (our counts and
// distances fit), and dates as 'YYYY-MM-DD' strings (connect.ts sets the same for pg).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
/** @type {Record<number, (value: string) => unknown>} */
const parsers = {
	[INT8]: (value) => Number(value),
	[NUMERIC]: (value) => Number(value),
	[DATE]: (value) => value
};

/** @type {string} */
const dataDir = workerData.dataDir;
if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
const opened = PGlite.create(dataDir, { extensions: { postgis }, parsers });

/** The fields of a PostgreSQL error worth keeping across the thread boundary. */
const ERROR_FIELDS = [
	'code',
	'detail',
	'hint',
	'position',
	'schema',
	'table',
	'column',
	'constraint'
];

/** @param {unknown} error */
function describe(error) {
	const e = /** @type {Record<string, unknown>} */ (error ?? {});
	/** @type {Record<string, unknown>} */
	const out = { message: error instanceof Error ? error.message : String(error) };
	for (const field of ERROR_FIELDS) if (e[field] !== undefined) out[field] = e[field];
	return out;
}

/**
 * @param {import('@electric-sql/pglite').PGlite} pg
 * @param {string} text
 * @param {unknown[] | null} params
 */
async function run(pg, text, params) {
	// Parameterless statements go through the simple protocol, as node-postgres does, so
	// multi-statement DDL behaves the same on both backends.
	if (params === null) {
		const results = await pg.exec(text);
		return results.at(-1) ?? { rows: [], fields: [], affectedRows: 0 };
	}
	return pg.query(text, params);
}

parentPort?.on(
	'message',
	async (
		/** @type {{ id: number, text?: string, params?: unknown[] | null, close?: boolean }} */ message
	) => {
		try {
			const pg = await opened;
			if (message.close) {
				if (!pg.closed) await pg.close();
				parentPort?.postMessage({ id: message.id, result: null });
				return;
			}
			const result = /** @type {{ rows: unknown[], affectedRows?: number, command?: string }} */ (
				await run(pg, message.text ?? '', message.params ?? null)
			);
			parentPort?.postMessage({
				id: message.id,
				result: { rows: result.rows, affectedRows: result.affectedRows, command: result.command }
			});
		} catch (error) {
			parentPort?.postMessage({ id: message.id, error: describe(error) });
		}
	}
);
