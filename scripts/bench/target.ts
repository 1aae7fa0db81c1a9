// Where one run of the bench keeps its data: a fresh PGlite directory, or a fresh database on the
// PostgreSQL server. Never the app's own database.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type Backend = 'pglite' | 'postgres';
export type Dataset = 'national' | 'synthetic';

export interface Target {
	/** Environment for the app's database module (src/lib/server/db/index.ts). */
	env: { DATABASE_URL: string } | { DATA_DIR: string };
	describe: string;
	remove(): Promise<void>;
}

export async function createTarget(
	backend: Backend,
	dataset: Dataset,
	serverUrl: string | undefined
): Promise<Target> {
	if (backend === 'pglite') {
		const dir = mkdtempSync(path.join(os.tmpdir(), `mat-bench-${dataset}-`));
		return {
			env: { DATA_DIR: dir },
			describe: `PGlite in ${dir}`,
			remove: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
	if (!serverUrl) throw new Error('No PostgreSQL server: set BENCH_DATABASE_URL.');
	const name = `mat_bench_${dataset}`;
	await admin(serverUrl, `drop database if exists ${name}`, `create database ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		env: { DATABASE_URL: url.toString() },
		describe: `database ${name} on ${url.host}`,
		remove: () => admin(serverUrl, `drop database if exists ${name}`)
	};
}

async function admin(serverUrl: string, ...statements: string[]): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		for (const statement of statements) await client.query(statement);
	} finally {
		await client.end();
	}
}
