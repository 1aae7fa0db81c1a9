// npm run bench:load: sustained search traffic against the built server, with autocannon.
// See scripts/bench/README.md ("npm run bench:load").
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, root, startServer, stopServer, waitForHealth } from '../test/server';
import { PLACES } from './load/places';
import { checkPaths, formatTable, runScenario, type Scenario } from './load/run';
import { parseCliOrExit } from '../parse-cli';

const USAGE = `Usage: npm run bench:load -- [options]

Builds the app if needed, serves it from a throwaway PostgreSQL + PostGIS (or the embedded
database) holding the national directory, and runs autocannon against it: a static file as the
baseline, then typical searches. Prints req/s, p50/p99 latency, errors and non-2xx per scenario.

  --duration S        seconds of the main scenario, typical API searches (default 60)
  --others S          seconds of each other scenario (default 15)
  --connections N     concurrent keep-alive connections (default 16)
  --backend postgres|pglite
                      database the server uses (default postgres)
  --url URL           use a server already running there instead of starting one (with
                      ADDRESS_HEADER=x-forwarded-for: each URL is sent as another client's)
  --help              show this help`;

const TARGET = { reqPerS: 1_000, p99: 100 };
const FILTERS = 'radius=25&medication=buprenorphine&payment=medicaid';

function parseCli() {
	const { values } = parseArgs({
		options: {
			duration: { type: 'string', default: '60' },
			others: { type: 'string', default: '15' },
			connections: { type: 'string', default: '16' },
			backend: { type: 'string', default: 'postgres' },
			url: { type: 'string' },
			help: { type: 'boolean', default: false }
		},
		strict: true,
		allowPositionals: false
	});
	if (values.help) return null;
	const number = (name: string, text: string) => {
		const n = Number(text);
		if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
		return n;
	};
	if (values.backend !== 'postgres' && values.backend !== 'pglite') {
		throw new Error('--backend must be postgres or pglite');
	}
	return {
		duration: number('duration', values.duration),
		others: number('others', values.others),
		connections: number('connections', values.connections),
		backend: values.backend,
		url: values.url?.replace(/\/$/, '')
	};
}

/**
 * Distinct points over the lower 48 states (seeded, so runs compare): searches the server has
 * not answered before, which its memory of recent searches cannot help with. More than the
 * scenario can send, so none repeats.
 */
function newPoints(count: number): { lat: string; lng: string }[] {
	let seed = 20_261_122;
	const random = () => {
		seed = (seed * 48_271) % 2_147_483_647;
		return seed / 2_147_483_647;
	};
	return Array.from({ length: count }, () => ({
		lat: (30 + random() * 17).toFixed(5),
		lng: (-122 + random() * 47).toFixed(5)
	}));
}

function scenarios(cli: { duration: number; others: number }): Scenario[] {
	const near = PLACES.map(encodeURIComponent);
	return [
		{
			name: 'baseline',
			what: 'GET /favicon.svg (static file, no database)',
			paths: ['/favicon.svg'],
			durationS: cli.others
		},
		{
			name: 'api-search',
			what: `GET /api/facilities?near=<50 places>&${FILTERS}`,
			paths: near.map((p) => `/api/facilities?near=${p}&${FILTERS}`),
			durationS: cli.duration
		},
		{
			name: 'api-search-new',
			what: `GET /api/facilities?lat=<a new point each time>&lng=…&${FILTERS} (never a repeat)`,
			paths: newPoints(cli.others * 2_000).map(
				({ lat, lng }) => `/api/facilities?lat=${lat}&lng=${lng}&${FILTERS}`
			),
			durationS: cli.others
		},
		{
			name: 'search-page',
			what: `GET /search?near=<50 places>&${FILTERS} (HTML)`,
			paths: near.map((p) => `/search?near=${p}&${FILTERS}`),
			durationS: cli.others
		},
		{
			name: 'map-geojson',
			what: `GET /api/facilities.geojson?near=<50 places>&${FILTERS}`,
			paths: near.map((p) => `/api/facilities.geojson?near=${p}&${FILTERS}`),
			durationS: cli.others
		}
	];
}

async function bench(baseUrl: string, cli: NonNullable<ReturnType<typeof parseCli>>) {
	const list = scenarios(cli);
	await checkPaths(baseUrl, list);
	console.log(`${cli.connections} connections against ${baseUrl}`);
	const results = [];
	for (const scenario of list) {
		console.log(`  ${scenario.name}: ${scenario.what}, ${scenario.durationS} s…`);
		results.push(await runScenario(baseUrl, scenario, cli.connections));
	}
	console.log(`\n${formatTable(results, 'baseline')}\n`);
	const main = results.find((r) => r.name === 'api-search');
	if (main) {
		const met =
			main.reqPerS >= TARGET.reqPerS &&
			main.p99 < TARGET.p99 &&
			main.errors === 0 &&
			main.non2xx === 0;
		console.log(
			`target for a typical search (≥ ${TARGET.reqPerS} req/s, p99 < ${TARGET.p99} ms, 0 errors): ` +
				(met ? 'met' : 'MISSED')
		);
	}
}

/** Serves the build on a free port from `env`'s database, runs the bench, stops the server. */
async function withServer(env: NodeJS.ProcessEnv, cli: NonNullable<ReturnType<typeof parseCli>>) {
	const port = await freePort();
	const logFile = path.join(tmpdir(), `mat-bench-load-${port}.log`);
	console.log(`Starting the server (build if needed, import on first run); log: ${logFile}`);
	const server = startServer(
		{ ...env, PORT: String(port), HOST: '127.0.0.1', ADDRESS_HEADER: 'x-forwarded-for' },
		logFile,
		(m) => console.log(m)
	);
	const baseUrl = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(baseUrl, server, 600_000);
		await bench(baseUrl, cli);
	} finally {
		await stopServer(server.child);
	}
}

const cli = parseCliOrExit(() => parseCli(), USAGE);

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (cli.url) {
	await bench(cli.url, cli);
} else if (cli.backend === 'pglite') {
	const dataDir = await mkdtemp(path.join(tmpdir(), 'mat-bench-load-'));
	try {
		await withServer({ ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }, cli);
	} finally {
		await rm(dataDir, { recursive: true, force: true });
	}
} else if (serverUrl) {
	await withServer({ ...process.env, DATABASE_URL: serverUrl }, cli);
} else {
	// Run again inside a throwaway PostgreSQL + PostGIS cluster (its `postgres` database).
	const args = ['scripts/test/with-postgres.sh', process.execPath, '--import', 'tsx'];
	const child = spawn('bash', [...args, ...process.argv.slice(1)], { cwd: root, stdio: 'inherit' });
	child.on('exit', (code) => process.exit(code ?? 1));
}
