// npm run bench's options.
import { parseArgs } from 'node:util';
import type { Backend, Dataset } from './target';

export const USAGE = `Usage: npm run bench -- [options]

Times facilities.search (the API's search, count included) for three typical searches, and the
same search done naively in JavaScript, on the national data and on a synthetic table.

  --backend pglite|postgres   only this backend (repeatable; default both)
  --dataset national|synthetic
                              only this dataset (repeatable; default both)
  --runs N                    timed runs per search (default 200, at most 60 s each)
  --warmup N                  untimed runs first (default 20)
  --naive-runs N              timed runs of the naive search (default 10, at most 20 s; 0: skip)
  --synthetic-size N          programs in the synthetic table (default 1,000,000 on PostgreSQL,
                              100,000 on PGlite)
  --variants                  on PostgreSQL, also time query variants (proposed fixes) beside
                              the app's query; adds a few minutes at 1M programs
  --keep                      keep the bench's databases afterwards (their places are printed)
  --json                      print the results as JSON instead of a table
  --help                      show this help

PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server with PostGIS, on which the
bench creates and drops its own databases (mat_bench_national, mat_bench_synthetic). With
neither set, it starts a throwaway server through scripts/test/with-postgres.sh.`;

export interface Cli {
	backends: Backend[];
	datasets: Dataset[];
	runs: number;
	warmup: number;
	naiveRuns: number;
	syntheticSize: number | undefined;
	variants: boolean;
	keep: boolean;
	json: boolean;
}

export function parseCli(args: string[]): Cli | null {
	const { values } = parseArgs({
		args,
		options: {
			backend: { type: 'string', multiple: true, default: ['pglite', 'postgres'] },
			dataset: { type: 'string', multiple: true, default: ['national', 'synthetic'] },
			runs: { type: 'string', default: '200' },
			warmup: { type: 'string', default: '20' },
			'naive-runs': { type: 'string', default: '10' },
			'synthetic-size': { type: 'string' },
			variants: { type: 'boolean', default: false },
			keep: { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		},
		strict: true,
		allowPositionals: false
	});
	if (values.help) return null;
	const size = values['synthetic-size'];
	return {
		backends: oneOf('backend', values.backend, ['pglite', 'postgres'] as const),
		datasets: oneOf('dataset', values.dataset, ['national', 'synthetic'] as const),
		runs: whole('runs', values.runs, 1),
		warmup: whole('warmup', values.warmup, 0),
		naiveRuns: whole('naive-runs', values['naive-runs'], 0),
		syntheticSize: size === undefined ? undefined : whole('synthetic-size', size, 1),
		variants: values.variants,
		keep: values.keep,
		json: values.json
	};
}

function oneOf<T extends string>(name: string, given: string[], allowed: readonly T[]): T[] {
	for (const value of given) {
		if (!allowed.includes(value as T)) {
			throw new Error(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
		}
	}
	return allowed.filter((a) => given.includes(a));
}

function whole(name: string, value: string, min: number): number {
	const n = Number(value.replaceAll(',', '').replaceAll('_', ''));
	if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
	return n;
}
