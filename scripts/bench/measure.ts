// Latency sampling: warm up, then time each call; percentiles by nearest rank.

export interface Timing {
	runs: number;
	p50: number;
	p95: number;
}

export interface Plan {
	warmup: number;
	runs: number;
	/** Stop early (after at least `minRuns`) once this much time has gone into timed runs. */
	budgetMs: number;
	minRuns: number;
}

export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Calls `run(i)` `warmup` times untimed, then up to `runs` times timed. */
export async function sample(plan: Plan, run: (i: number) => Promise<unknown>): Promise<Timing> {
	for (let i = 0; i < plan.warmup; i++) await run(i);
	const times: number[] = [];
	let spent = 0;
	for (let i = 0; i < plan.runs; i++) {
		if (spent > plan.budgetMs && times.length >= plan.minRuns) break;
		const started = performance.now();
		await run(plan.warmup + i);
		const ms = performance.now() - started;
		times.push(ms);
		spent += ms;
	}
	times.sort((a, b) => a - b);
	return { runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}
