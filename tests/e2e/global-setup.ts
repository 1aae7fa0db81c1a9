// Vitest globalSetup for the e2e and api projects: builds the app, starts it once on a free port
// against a fresh database holding the national import, and hands its URL to the tests. The import
// runs once per run, not per test file. The server's log is tests/artifacts/<project>-server.log.
//
// Env: E2E_SKIP_BUILD=1 reuses an existing build/; E2E_DATABASE_URL serves from that PostgreSQL
// database (imported only if empty) instead of a throwaway embedded one; E2E_SERVER_URL tests a
// server that is already running there instead (to iterate on tests without a fresh import).
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
	buildApp,
	freePort,
	root,
	startServer,
	stopServer,
	waitForHealth
} from '../../scripts/test/server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		/** The file the server's stdout and stderr go to. */
		serverLog: string;
	}
}

const artifacts = path.join(root, 'tests', 'artifacts');
const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS ?? 300_000);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const log = (message: string) => console.log(`[${project.name}] ${message}`);
	const started = performance.now();
	const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	if (process.env.E2E_SERVER_URL) {
		log(`testing the running server at ${process.env.E2E_SERVER_URL} (E2E_SERVER_URL)`);
		project.provide('baseURL', process.env.E2E_SERVER_URL);
		return async () => {};
	}

	if (buildApp(process.env.E2E_SKIP_BUILD === '1')) log(`built in ${seconds()}`);
	else log('reusing build/ (E2E_SKIP_BUILD=1)');

	const dataDir = process.env.E2E_DATABASE_URL
		? undefined
		: await mkdtemp(path.join(tmpdir(), 'mat-e2e-'));
	const port = await freePort();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		// As behind a proxy: the client address (for rate limits) comes from X-Forwarded-For, so
		// a test can be a client of its own without sharing an allowance with the others.
		ADDRESS_HEADER: 'x-forwarded-for',
		...(dataDir ? { DATA_DIR: dataDir, DATABASE_URL: '' } : {}),
		// With PostgreSQL, `npm start` runs a process per core; two, whatever this machine has, so
		// what must hold across processes (the report rate limit, caches) is always tested so.
		...(process.env.E2E_DATABASE_URL
			? { DATABASE_URL: process.env.E2E_DATABASE_URL, WORKERS: '2' }
			: {})
	};

	await mkdir(artifacts, { recursive: true });
	const logFile = path.join(artifacts, `${project.name}-server.log`);
	const server = startServer(env, logFile, log);
	// Vitest exits without running teardown when interrupted (Ctrl-C, SIGTERM); it does exit
	// through process.exit, so clean up synchronously there.
	const onExit = () => {
		if (server.child.exitCode === null) server.child.kill('SIGKILL');
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	};
	process.once('exit', onExit);
	const cleanup = async () => {
		process.off('exit', onExit);
		await stopServer(server.child);
		if (dataDir) await rm(dataDir, { recursive: true, force: true });
	};

	const baseURL = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(baseURL, server, startTimeoutMs);
	} catch (error) {
		await cleanup();
		throw new Error(
			`${(error as Error).message}\n--- server output (${logFile}) ---\n${server.output()}`,
			{ cause: error }
		);
	}
	log(`server ready at ${baseURL} in ${seconds()} (${dataDir ? 'pglite' : 'E2E_DATABASE_URL'})`);

	project.provide('baseURL', baseURL);
	project.provide('serverLog', logFile);
	process.env.E2E_BASE_URL = baseURL;
	return cleanup;
}
