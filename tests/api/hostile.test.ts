import { readFile } from 'node:fs/promises';
import { describe, expect, inject, test } from 'vitest';
import { problems } from './header-rules';
import { hostileCases, LEAKS, METHODS } from './hostile-cases';
import { getOk, url } from './http';
import { rawRequest } from './raw';

// The audit's hostile request classes as a test (tests/api/hostile-cases.ts draws them): on
// every backend, over ten thousand of them, and not one server error, dropped request, missing
// header, file leak, stack trace, or /api error outside the JSON error shape. Four connections
// at most, so that this is hostile input, not a flood (load shedding may answer floods 429/503).

const MINIMUM = 10_500;
const CONNECTIONS = 4;

interface Tally {
	sent: number;
	byKind: Record<string, number>;
	byStatus: Record<number, number>;
	failures: string[];
}

describe('hostile requests', () => {
	test(`${MINIMUM.toLocaleString('en-US')} of them: no 5xx, every header, /api errors in JSON`, async () => {
		const { items } = await getOk<{ items: { id: string }[] }>('/api/facilities', [
			['near', '10001'],
			['limit', 1]
		]);
		const home = await (await fetch(url('/'))).text();
		const hashed = /\/_app\/immutable\/[^"'<>\s?]+\.js/.exec(home)?.[0];
		expect(hashed, 'a hashed script on the home page').toBeTruthy();
		const cases = hostileCases(11, MINIMUM, { id: items[0]!.id, hashed: hashed! });
		const logFile = inject('serverLog');
		const logStart = logFile ? (await readFile(logFile, 'utf8')).length : 0;

		const tally: Tally = { sent: 0, byKind: {}, byStatus: {}, failures: [] };
		const started = performance.now();
		let next = 0;
		const worker = async () => {
			while (next < cases.length) {
				const hostile = cases[next++]!;
				// A request whose body the server refuses before reading it all can lose its answer to
				// TCP: the server closes with the rest of the body unread, its kernel resets the
				// connection, and a reset throws away what the client had not read yet. Sent again
				// once; no answer twice is a failure.
				const answer =
					(await rawRequest(hostile.text)) ??
					(hostile.kind === 'wrong bodies' ? await rawRequest(hostile.text) : null);
				tally.sent++;
				tally.byKind[hostile.kind] = (tally.byKind[hostile.kind] ?? 0) + 1;
				if (!answer) {
					tally.failures.push(
						`${hostile.kind}: no answer to ${hostile.method} ${hostile.sent.slice(0, 100)}`
					);
					continue;
				}
				tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
				for (const problem of problems(hostile.sent, answer, hostile.method)) {
					tally.failures.push(`${hostile.kind} ${hostile.method}: ${problem}`);
				}
				if (hostile.kind === 'traversal' && LEAKS.some((leak) => leak.test(answer.body))) {
					tally.failures.push(`traversal: ${hostile.sent} leaked a file`);
				}
			}
		};
		await Promise.all(Array.from({ length: CONNECTIONS }, worker));
		const seconds = (performance.now() - started) / 1000;
		console.log(
			`hostile: ${tally.sent} requests in ${seconds.toFixed(1)} s; by class ${JSON.stringify(tally.byKind)}; ` +
				`by status ${JSON.stringify(tally.byStatus)}; ${tally.failures.length} failures`
		);

		expect(tally.sent).toBeGreaterThanOrEqual(10_000);
		expect(new Set(cases.filter((c) => c.kind === 'methods').map((c) => c.method)).size).toBe(
			METHODS.length
		);
		expect(tally.failures.slice(0, 30)).toEqual([]);
		expect(Object.keys(tally.byStatus).filter((s) => Number(s) >= 500)).toEqual([]);
		// Still serving, and nothing in the log but request lines (no stack trace, no error).
		expect((await fetch(url('/healthz'))).status).toBe(200);
		if (logFile) {
			const log = (await readFile(logFile, 'utf8')).slice(logStart);
			expect(log).not.toMatch(/^\s+at |Error:/m);
		}
	}, 240_000);
});
