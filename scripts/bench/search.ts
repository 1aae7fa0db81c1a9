// npm run bench: p50/p95 latency of typical searches on both backends, national and synthetic
// data, against a naive JavaScript baseline. See scripts/bench/README.md.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCli, USAGE, type Cli } from './cli';
import { formatTable, saveResults } from './report';
import type { RunResult, WorkerOptions } from './results';
import type { Backend, Dataset } from './target';
import { parseCliOrExit } from '../parse-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const SYNTHETIC_SIZE: Record<Backend, number> = { postgres: 1_000_000, pglite: 100_000 };

const cli = parseCliOrExit(() => parseCli(process.argv.slice(2)), USAGE);

const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;
if (cli.backends.includes('postgres') && !serverUrl) {
	// Run the whole bench again inside a throwaway PostgreSQL + PostGIS server.
	const args = ['scripts/test/with-postgres.sh', process.execPath, '--import', 'tsx'];
	const child = spawn('bash', [...args, ...process.argv.slice(1)], { cwd: ROOT, stdio: 'inherit' });
	child.on('exit', (code) => {
		if (code !== 0 && code !== null) {
			console.error(
				'\nIf the PostgreSQL server was the problem: --backend postgres needs PostgreSQL + ' +
					'PostGIS (scripts/test/system.sh installs them), or BENCH_DATABASE_URL pointing at ' +
					'a server; npm run bench -- --backend pglite needs neither.'
			);
		}
		process.exit(code ?? 1);
	});
} else {
	await main(cli, serverUrl);
}

async function main(cli: Cli, serverUrl: string | undefined): Promise<void> {
	const started = new Date();
	const runs: RunResult[] = [];
	for (const backend of cli.backends) {
		for (const dataset of cli.datasets) {
			const result = await runWorker({
				backend,
				dataset,
				serverUrl,
				syntheticSize: cli.syntheticSize ?? SYNTHETIC_SIZE[backend],
				runs: cli.runs,
				warmup: cli.warmup,
				naiveRuns: cli.naiveRuns,
				variants: cli.variants && backend === 'postgres',
				keep: cli.keep
			});
			if (result) runs.push(result);
			else process.exitCode = 1;
		}
	}
	const file = saveResults(runs, started);
	if (cli.json) console.log(JSON.stringify(runs, null, '\t'));
	else console.log(`\n${formatTable(runs)}\n\nSaved to ${file}`);
}

/** Runs one backend × dataset in its own process; null when it failed (its error is shown). */
function runWorker(options: WorkerOptions): Promise<RunResult | null> {
	const label = `${options.backend} ${options.dataset satisfies Dataset}`;
	return new Promise((resolve) => {
		// The naive baseline holds a million rows' codes in memory at once.
		const args = ['--max-old-space-size=12288', '--import', 'tsx', WORKER, JSON.stringify(options)];
		const child = spawn(process.execPath, args, {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'inherit']
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('exit', (code) => {
			const last = out.trim().split('\n').at(-1) ?? '';
			if (code === 0 && last.startsWith('{')) return resolve(JSON.parse(last) as RunResult);
			console.error(`${label}: failed (exit ${code})`);
			resolve(null);
		});
	});
}
