// The embedded database has one owner. While `npm start` serves, every operator command runs at
// the same time as people send reports, five rounds over, and goes through the server; afterwards
// the server stops, starts again, and every report it acknowledged is still there. A second
// `npm start` on the same data directory refuses. (Before: the commands opened the files
// themselves, and the database was corrupted: issue 11.)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
	buildApp,
	freePort,
	root,
	startServer,
	stopServer,
	waitForHealth,
	type Server
} from '../../scripts/test/server';

const ROUNDS = 5;
const PROGRAMS = 300;
let dataDir: string;
let subset: string;
let env: NodeJS.ProcessEnv;
let baseURL: string;
let server: Server | undefined;

/** Runs an npm script's file as `npm run` does; resolves to its exit code and output. */
function command(script: string, args: string[] = []) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env });
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('exit', (code) => resolve({ code, output }));
	});
}

async function serve(): Promise<Server> {
	const started = startServer(
		env,
		path.join(dataDir, `..`, `${path.basename(dataDir)}.log`),
		() => {}
	);
	await waitForHealth(baseURL, started, 300_000);
	return started;
}

beforeAll(async () => {
	buildApp(process.env.E2E_SKIP_BUILD === '1');
	dataDir = await mkdtemp(path.join(tmpdir(), 'mat-owner-'));
	// A few hundred programs of the real directory, so each round's import is quick.
	const national = gunzipSync(
		await readFile(
			path.join(root, 'db/data/national-directory-su-facilities-2023_facilities-list.csv.gz')
		)
	)
		.toString('utf8')
		.split('\n');
	subset = path.join(dataDir, '..', `${path.basename(dataDir)}-subset.csv`);
	await writeFile(subset, national.slice(0, PROGRAMS + 1).join('\n') + '\n');
	const port = await freePort();
	baseURL = `http://127.0.0.1:${port}`;
	env = {
		...process.env,
		DATABASE_URL: '',
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1',
		ADDRESS_HEADER: 'x-forwarded-for'
	};
	// With no server running, a command opens the database itself.
	const first = await command('scripts/import.ts', ['--facilities', subset, '--json']);
	expect(first.code, first.output).toBe(0);
	server = await serve();
}, 600_000);

afterAll(async () => {
	if (server) await stopServer(server.child);
	await rm(dataDir, { recursive: true, force: true });
	await rm(subset, { force: true });
});

/** Sends reports until `stop` settles; resolves to the texts the server acknowledged. */
async function reportLoad(ids: string[], round: number, stop: Promise<unknown>) {
	const acknowledged: string[] = [];
	const statuses: Record<number, number> = {};
	let stopped = false;
	void stop.then(() => (stopped = true));
	let n = 0;
	const worker = async () => {
		while (!stopped) {
			const k = n++;
			const details = `round ${round} report ${k}: the intake line rings out`;
			const response = await fetch(`${baseURL}/facilities/${ids[k % ids.length]}?/report`, {
				method: 'POST',
				headers: {
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					origin: baseURL,
					// Each report its own client: the per-client limit is not what is tested here.
					'x-forwarded-for': `2001:db8:${round}:${k.toString(16)}::1`
				},
				body: new URLSearchParams({ kind: 'phone', details }).toString()
			});
			const html = await response.text();
			statuses[response.status] = (statuses[response.status] ?? 0) + 1;
			if (response.status === 200 && html.includes('Your report was recorded.')) {
				acknowledged.push(details);
			}
		}
	};
	await Promise.all([worker(), worker(), worker()]);
	return { acknowledged, statuses };
}

test('every operator command runs while the server serves and writes; nothing acknowledged is lost', async () => {
	const { items } = (await (await fetch(`${baseURL}/api/facilities?limit=50`)).json()) as {
		items: { id: string }[];
	};
	const ids = items.map((i) => i.id);
	expect(ids.length).toBe(50);
	const acknowledged: string[] = [];
	for (let round = 1; round <= ROUNDS; round++) {
		const commands = Promise.all([
			command('scripts/import.ts', ['--facilities', subset, '--json']),
			command('scripts/corrections-export.ts', ['--out', path.join(dataDir, '..', 'export.csv')]),
			command('scripts/migrate.ts')
		]);
		const load = await reportLoad(ids, round, commands);
		for (const { code, output } of await commands) expect(code, output).toBe(0);
		// Reports sent while the import's transaction held the database may be refused (503,
		// try again); never a 500.
		expect(Object.keys(load.statuses).filter((s) => Number(s) >= 500 && s !== '503')).toEqual([]);
		expect(load.acknowledged.length, JSON.stringify(load.statuses)).toBeGreaterThan(0);
		acknowledged.push(...load.acknowledged);
	}

	// A second server on the same directory refuses, saying why.
	const second = await command('scripts/start.ts');
	expect(second.code).not.toBe(0);
	expect(second.output).toMatch(/already serving the embedded database/);

	await stopServer(server!.child);
	expect(server!.child.exitCode).toBe(0);
	server = await serve();
	const out = path.join(dataDir, '..', 'after-restart.csv');
	const exported = await command('scripts/corrections-export.ts', ['--out', out]);
	expect(exported.code, exported.output).toBe(0);
	const csv = await readFile(out, 'utf8');
	const missing = acknowledged.filter((details) => !csv.includes(details));
	expect(missing, `${missing.length} of ${acknowledged.length} acknowledged reports`).toEqual([]);
	console.log(`${acknowledged.length} acknowledged reports over ${ROUNDS} rounds, all present`);
	const health = (await (await fetch(`${baseURL}/healthz`)).json()) as { facilities: number };
	expect(health.facilities).toBeGreaterThan(0);
}, 900_000);
