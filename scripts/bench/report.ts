// The bench's results as a table for the terminal, and as a JSON file in scripts/bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult, RunResult } from './results';

export const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));

/** The issue's p50 targets on PostgreSQL, per dataset. */
export const TARGET_P50_MS = { national: 3, synthetic: 15 } as const;

const ms = (value: number) =>
	value >= 10_000
		? `${(value / 1000).toFixed(1).padStart(6)} s `
		: `${(value < 10 ? value.toFixed(2) : value.toFixed(1)).padStart(6)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString('en-US');

function caseLine(run: RunResult, c: CaseResult): string {
	const { indexed, naive, ratio } = c;
	const cells = [
		run.backend.padEnd(8),
		run.dataset.padEnd(9),
		(c.key + (c.required ? '' : '*')).padEnd(12),
		`p50 ${ms(indexed.p50)}  p95 ${ms(indexed.p95)}`,
		naive
			? `naive p50 ${ms(naive.p50)} n=${naive.runs} (${Math.round(ratio!)}×)`.padEnd(36)
			: ''.padEnd(36),
		`matches ${count(c.matches)}`.padEnd(16)
	];
	const target = TARGET_P50_MS[run.dataset];
	if (run.backend === 'postgres' && c.required) {
		cells.push(indexed.p50 <= target ? `target ≤${target} ms met` : `target ≤${target} ms MISSED`);
	}
	return cells.join('  ').trimEnd();
}

export function formatTable(runs: readonly RunResult[]): string {
	const lines: string[] = [];
	for (const run of runs) {
		const steps = Object.entries(run.buildSteps ?? {}).map(([k, v]) => `${k} ${seconds(v)}`);
		const engine = run.backend === 'postgres' ? 'PostgreSQL' : 'PGlite: PostgreSQL';
		lines.push(
			`${run.backend} ${run.dataset}: ${count(run.programs)} programs (${engine} ${run.server}), ` +
				`built in ${seconds(run.buildMs)}${steps.length ? ` (${steps.join(', ')})` : ''}; ` +
				`round-trip floor (select 1) p50 ${ms(run.floor.p50).trim()}`
		);
		for (const c of run.cases) lines.push('  ' + caseLine(run, c));
		for (const c of run.cases) {
			for (const d of c.disagreements) lines.push(`  ! ${c.key}: naive and indexed differ at ${d}`);
		}
		for (const v of run.variants) {
			lines.push(
				`  variant ${v.case.padEnd(12)} ${v.variant.padEnd(50)} p50 ${ms(v.timing.p50)}  p95 ${ms(v.timing.p95)}`
			);
		}
		lines.push('');
	}
	lines.push(
		'p50/p95 of facilities.search (page of 20 + total) over the centers; naive: all rows into',
		'JavaScript, turf distances, n timed runs; matches: median total. * not one of the issue’s',
		'three searches: context only, no target, no naive run.'
	);
	return lines.join('\n');
}

/** Writes the run to results/<date and time>.json and returns its path. */
export function saveResults(runs: readonly RunResult[], started: Date): string {
	mkdirSync(RESULTS_DIR, { recursive: true });
	const stamp = started.toISOString().replace(/:/g, '-').slice(0, 19);
	const file = path.join(RESULTS_DIR, `${stamp}.json`);
	writeFileSync(file, JSON.stringify({ started: started.toISOString(), runs }, null, '\t') + '\n');
	return file;
}
