// npm run bench:flood: one client floods the server with uncached national map requests while
// others search, fetch a static file and ask /healthz. See scripts/bench/README.md.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, root, startServer, stopServer, waitForHealth } from '../test/server';
import { parseCliOrExit } from '../parse-cli';
import type { Job, JobResult } from './flood/client';

const USAGE = `Usage: npm run bench:flood -- [options]

Serves the build from a fresh embedded database or a throwaway PostgreSQL + PostGIS (both
holding the national directory), then for --duration seconds: one client keeps --flood requests
for national GeoJSON with never-repeated filters in flight, while another client searches
(never-repeated places), and two probers fetch /favicon.svg and /healthz every 50 ms. Prints
p50/p99 per client and the flood's statuses, against the targets.

  --backend pglite|postgres   database the server uses (default pglite)
  --duration S                seconds of flooding (default 20)
  --flood N                   the flood's requests in flight (default 200)
  --url URL                   a server already running there (with ADDRESS_HEADER=x-forwarded-for)
  --help                      show this help`;

const TARGETS = { probeP99: 100, searchP99: 500 };
const FLOOD_STATUSES = new Set(['200', '429', '503']);

function parseCli() {
	const { values } = parseArgs({
		options: {
			backend: { type: 'string', default: 'pglite' },
			duration: { type: 'string', default: '20' },
			flood: { type: 'string', default: '200' },
			url: { type: 'string' },
			help: { type: 'boolean', default: false }
		},
		strict: true,
		allowPositionals: false
	});
	if (values.help) return null;
	if (values.backend !== 'pglite' && values.backend !== 'postgres') {
		throw new Error('--backend must be pglite or postgres');
	}
	const whole = (name: string, text: string) => {
		const n = Number(text);
		if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
		return n;
	};
	return {
		backend: values.backend,
		durationMs: whole('duration', values.duration) * 1000,
		flood: whole('flood', values.flood),
		url: values.url?.replace(/\/$/, '')
	};
}
type Cli = NonNullable<ReturnType<typeof parseCli>>;

/** A seeded shuffle, so runs compare. */
function shuffled<T>(items: T[]): T[] {
	let seed = 20_261_201;
	const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** National map requests, each with a pair of options from two groups: thousands, none repeated. */
async function floodPaths(baseUrl: string): Promise<string[]> {
	const groups = (await (await fetch(`${baseUrl}/api/filters`)).json()) as {
		key: string;
		options: { value: string }[];
	}[];
	const options = groups.flatMap((g) =>
		g.options.map((o) => `${g.key}=${encodeURIComponent(o.value)}`)
	);
	const pairs: string[] = [];
	for (let i = 0; i < options.length; i++) {
		for (let j = i + 1; j < options.length; j++) {
			if (options[i]!.split('=')[0] !== options[j]!.split('=')[0]) {
				pairs.push(`/api/facilities.geojson?${options[i]}&${options[j]}`);
			}
		}
	}
	return shuffled(pairs);
}

/** Searches around points over the lower 48 that the server has not seen (no cached answer). */
function searchPaths(count: number): string[] {
	let seed = 7;
	const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
	return Array.from({ length: count }, () => {
		const lat = (30 + random() * 17).toFixed(5);
		const lng = (-122 + random() * 47).toFixed(5);
		return `/api/facilities?lat=${lat}&lng=${lng}&radius=25&medication=buprenorphine`;
	});
}

async function runClient(job: Job): Promise<JobResult> {
	const dir = await mkdtemp(path.join(tmpdir(), 'mat-flood-'));
	const file = path.join(dir, 'job.json');
	await writeFile(file, JSON.stringify(job));
	try {
		const stdout = await new Promise<string>((resolve, reject) =>
			execFile(
				process.execPath,
				['--import', 'tsx', path.join(root, 'scripts/bench/flood/client.ts'), file],
				{ cwd: root, maxBuffer: 64 * 1024 * 1024 },
				(error, out) => (error ? reject(error) : resolve(out))
			)
		);
		return JSON.parse(stdout) as JobResult;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const quantile = (values: number[], q: number) => {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

async function bench(baseUrl: string, cli: Cli): Promise<boolean> {
	const flood = await floodPaths(baseUrl);
	const check = await fetch(baseUrl + flood.at(-1));
	if (check.status !== 200) throw new Error(`GET ${flood.at(-1)}: ${check.status}`);
	const load = () =>
		loadavg()
			.map((n) => n.toFixed(2))
			.join(' ');
	console.log(`load average before: ${load()}`);
	console.log(
		`${cli.flood} flood requests in flight for ${cli.durationMs / 1000} s against ${baseUrl}…`
	);
	const common = { baseUrl, durationMs: cli.durationMs };
	const [floodResult, search, file, health] = await Promise.all([
		runClient({ ...common, address: '203.0.113.66', paths: flood, concurrency: cli.flood }),
		runClient({ ...common, address: '198.51.100.7', paths: searchPaths(20_000), concurrency: 1 }),
		runClient({
			...common,
			address: '198.51.100.8',
			paths: ['/favicon.svg'],
			concurrency: 1,
			pauseMs: 50
		}),
		runClient({
			...common,
			address: '198.51.100.9',
			paths: ['/healthz'],
			concurrency: 1,
			pauseMs: 50
		})
	]);
	console.log(`load average after: ${load()}\n`);
	const rows: [string, JobResult, number][] = [
		['static file /favicon.svg', file, TARGETS.probeP99],
		['/healthz', health, TARGETS.probeP99],
		["another client's search", search, TARGETS.searchP99]
	];
	let met = true;
	for (const [name, result, target] of rows) {
		const p99 = quantile(result.latencies, 0.99);
		const ok200 = Object.keys(result.statuses).every((s) => s === '200') && result.errors === 0;
		const pass = p99 <= target && ok200;
		met &&= pass;
		console.log(
			`${name.padEnd(26)} n=${String(result.latencies.length).padStart(5)}  ` +
				`p50 ${quantile(result.latencies, 0.5).toFixed(1).padStart(7)} ms  ` +
				`p99 ${p99.toFixed(1).padStart(7)} ms  (target ≤ ${target})  ` +
				`statuses ${JSON.stringify(result.statuses)} errors ${result.errors} ` +
				`${JSON.stringify(result.errorCodes)}  ${pass ? 'met' : 'MISSED'}`
		);
	}
	const statuses = Object.keys(floodResult.statuses);
	const floodOk = floodResult.errors === 0 && statuses.every((s) => FLOOD_STATUSES.has(s));
	met &&= floodOk;
	console.log(
		`${'the flood'.padEnd(26)} n=${String(floodResult.latencies.length).padStart(5)}  ` +
			`statuses ${JSON.stringify(floodResult.statuses)} errors ${floodResult.errors} ` +
			`${JSON.stringify(floodResult.errorCodes)}  ` +
			`(only 200, 429, 503: ${floodOk ? 'met' : 'MISSED'})`
	);
	console.log(`\ntargets ${met ? 'met' : 'MISSED'}`);
	return met;
}

async function withServer(env: NodeJS.ProcessEnv, cli: Cli): Promise<boolean> {
	const port = await freePort();
	const logFile = path.join(tmpdir(), `mat-bench-flood-${port}.log`);
	console.log(`Starting the server (build if needed, import on first run); log: ${logFile}`);
	const server = startServer(
		{ ...env, PORT: String(port), HOST: '127.0.0.1', ADDRESS_HEADER: 'x-forwarded-for' },
		logFile,
		(m) => console.log(m)
	);
	const baseUrl = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(baseUrl, server, 600_000);
		return await bench(baseUrl, cli);
	} finally {
		await stopServer(server.child);
	}
}

const cli = parseCliOrExit(() => parseCli(), USAGE);
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (cli.url) {
	process.exitCode = (await bench(cli.url, cli)) ? 0 : 1;
} else if (cli.backend === 'pglite') {
	const dataDir = await mkdtemp(path.join(tmpdir(), 'mat-bench-flood-'));
	try {
		const met = await withServer({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }, cli);
		process.exitCode = met ? 0 : 1;
	} finally {
		await rm(dataDir, { recursive: true, force: true });
	}
} else if (serverUrl) {
	process.exitCode = (await withServer({ ...process.env, DATABASE_URL: serverUrl }, cli)) ? 0 : 1;
} else {
	// Run again inside a throwaway PostgreSQL + PostGIS cluster (its `postgres` database).
	const args = ['scripts/test/with-postgres.sh', process.execPath, '--import', 'tsx'];
	const child = spawn('bash', [...args, ...process.argv.slice(1)], { cwd: root, stdio: 'inherit' });
	child.on('exit', (code) => process.exit(code ?? 1));
}
