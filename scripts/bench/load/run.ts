import autocannon from 'autocannon';

export interface Scenario {
	name: string;
	what: string;
	paths: string[];
	durationS: number;
}

export interface ScenarioResult {
	name: string;
	what: string;
	requests: number;
	reqPerS: number;
	p50: number;
	p99: number;
	errors: number;
	non2xx: number;
}

/**
 * One autocannon run: each connection cycles through the paths in order (offset per connection,
 * so they do not all ask for the same place at once), keep-alive, no pipelining.
 */
export async function runScenario(
	baseUrl: string,
	scenario: Scenario,
	connections: number
): Promise<ScenarioResult> {
	const result = await autocannon({
		url: baseUrl,
		connections,
		duration: scenario.durationS,
		// Each URL from an address of its own, as many people searching are (the server takes it
		// from X-Forwarded-For: ADDRESS_HEADER), not one client, which it would limit as one.
		requests: scenario.paths.map((path, i) => ({
			method: 'GET',
			path,
			headers: { 'x-forwarded-for': `198.18.${(i >> 8) & 255}.${i & 255}` }
		})),
		timeout: 10,
		// As browsers and most HTTP clients ask: responses are gzip-compressed (scripts/start.ts).
		headers: { 'accept-encoding': 'gzip' }
	});
	return {
		name: scenario.name,
		what: scenario.what,
		requests: result.requests.total,
		reqPerS: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx
	};
}

/** Fails early, with the answer, when a path of a scenario is not a 200 (a typo, a bad place). */
export async function checkPaths(baseUrl: string, scenarios: Scenario[]): Promise<void> {
	// The first 50 of each: enough to catch a typo, without asking every one in advance (which
	// would also make them repeats).
	for (const path of new Set(scenarios.flatMap((s) => s.paths.slice(0, 50)))) {
		const response = await fetch(baseUrl + path);
		const text = await response.text();
		if (response.status !== 200) {
			throw new Error(`GET ${path}: ${response.status} ${text.slice(0, 300)}`);
		}
	}
}

export function formatTable(results: ScenarioResult[], baseline: string): string {
	const base = results.find((r) => r.name === baseline);
	const rows = [
		['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'req/s vs ' + baseline],
		...results.map((r) => [
			r.name,
			Math.round(r.reqPerS).toLocaleString('en-US'),
			String(r.p50),
			String(r.p99),
			String(r.errors),
			String(r.non2xx),
			base ? `${((r.reqPerS / base.reqPerS) * 100).toFixed(0)}%` : ''
		])
	];
	const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
	const line = (row: string[]) =>
		row
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
			.join('  ');
	return [line(rows[0]!), ...rows.slice(1).map(line)].join('\n');
}
