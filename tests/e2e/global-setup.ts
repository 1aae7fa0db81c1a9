// Vitest globalSetup for the e2e and api projects: builds the app, starts it once on a free port
// against a fresh database holding the national import, and hands its URL to the tests. The import
// runs once per run, not per test file. The server's log is tests/artifacts/<project>-server.log.
//
// Env: E2E_SKIP_BUILD=1 reuses an existing build/; E2E_DATABASE_URL serves from that PostgreSQL
// database (imported only if empty) instead of a throwaway embedded one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		/** The file the server's stdout and stderr go to. */
		serverLog: string;
	}
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = path.join(root, 'tests', 'artifacts');
const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_MS ?? 300_000);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const log = (message: string) => console.log(`[${project.name}] ${message}`);
	const started = performance.now();
	const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

	if (process.env.E2E_SKIP_BUILD === '1' && existsSync(path.join(root, 'build', 'handler.js'))) {
		log('reusing build/ (E2E_SKIP_BUILD=1)');
	} else {
		run('vite build', [path.join(root, 'node_modules/vite/bin/vite.js'), 'build']);
		log(`built in ${seconds()}`);
	}

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
		...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {})
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
		await stop(server.child);
		if (dataDir) await rm(dataDir, { recursive: true, force: true });
	};

	const baseURL = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(baseURL, server);
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

/** Runs a node script to completion, failing with its output. */
function run(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
	}
}

interface Server {
	child: ChildProcess;
	output(): string;
	exited: Promise<number | null>;
}

// scripts/start.ts migrates, imports into an empty database and serves, as `npm start` does.
// Without it, the same three steps one by one.
function startServer(
	env: NodeJS.ProcessEnv,
	logFile: string,
	log: (message: string) => void
): Server {
	const tsx = ['--import', 'tsx'];
	let args: string[];
	if (existsSync(path.join(root, 'scripts', 'start.ts'))) {
		args = [...tsx, 'scripts/start.ts'];
	} else {
		log('no scripts/start.ts: migrating and importing, then node build/index.js');
		run('migrate', [...tsx, 'scripts/migrate.ts'], env);
		run('import', [...tsx, 'scripts/import.ts'], env);
		args = ['build/index.js'];
	}
	const child = spawn(process.execPath, args, {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const file = createWriteStream(logFile);
	let tail = '';
	const keep = (chunk: Buffer) => {
		file.write(chunk);
		tail = (tail + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const exited = new Promise<number | null>((resolve) => {
		child.once('exit', (code) => {
			file.end();
			resolve(code);
		});
	});
	return { child, output: () => tail, exited };
}

async function waitForHealth(baseURL: string, server: Server): Promise<void> {
	const deadline = Date.now() + startTimeoutMs;
	let exitCode: number | null | undefined;
	void server.exited.then((code) => (exitCode = code));
	let last = 'no answer';
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw new Error(`the server exited (code ${exitCode})`);
		try {
			const response = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(5_000) });
			if (response.status === 200) return;
			last = `HTTP ${response.status}`;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`GET /healthz did not answer 200 within ${startTimeoutMs} ms (last: ${last})`);
}

async function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}
