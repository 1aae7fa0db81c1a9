// Serving the built app for tests and benchmarks (tests/e2e/global-setup.ts, scripts/bench):
// scripts/start.ts on a port of our choosing, its output kept in a log file, /healthz awaited.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a node script to completion, failing with its output. */
export function runNode(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
	const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
	}
}

/** vite build, unless `reuse` and build/handler.js exists. Returns whether it built. */
export function buildApp(reuse: boolean): boolean {
	if (reuse && existsSync(path.join(root, 'build', 'handler.js'))) return false;
	runNode('vite build', [path.join(root, 'node_modules/vite/bin/vite.js'), 'build']);
	return true;
}

export interface Server {
	child: ChildProcess;
	output(): string;
	exited: Promise<number | null>;
}

// scripts/start.ts migrates, imports into an empty database and serves, as `npm start` does.
// Without it, the same three steps one by one.
export function startServer(
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
		runNode('migrate', [...tsx, 'scripts/migrate.ts'], env);
		runNode('import', [...tsx, 'scripts/import.ts'], env);
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

export async function waitForHealth(
	baseURL: string,
	server: Server,
	startTimeoutMs: number
): Promise<void> {
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

export async function stopServer(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

export function freePort(): Promise<number> {
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

/**
 * Serves the build from a fresh embedded database (imported from db/data on start, deleted
 * after) on a free port, for the length of `run`: what the benchmarks and `npm run screenshots`
 * do when not given a --url.
 */
export async function withFreshServer<T>(
	name: string,
	run: (baseUrl: string) => Promise<T>
): Promise<T> {
	const dataDir = await mkdtemp(path.join(tmpdir(), `mat-${name}-`));
	const port = await freePort();
	const logFile = path.join(tmpdir(), `mat-${name}-${port}.log`);
	console.log(`Starting the server (importing into ${dataDir}); log: ${logFile}`);
	const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port) };
	const server = startServer({ ...env, HOST: '127.0.0.1' }, logFile, (m) => console.log(m));
	try {
		const baseUrl = `http://127.0.0.1:${port}`;
		await waitForHealth(baseUrl, server, 600_000);
		return await run(baseUrl);
	} finally {
		await stopServer(server.child);
		await rm(dataDir, { recursive: true, force: true });
	}
}
