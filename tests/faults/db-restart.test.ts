import { setTimeout as sleep } from 'node:timers/promises';
import { expect, inject, test } from 'vitest';
import { throwawayCluster } from './cluster';

// The database restarts under load: PostgreSQL is stopped for ~3 s in the middle of 15 s of
// sustained traffic, then started again. Every request must still get an answer within a bound,
// every failure must be a 503 with Retry-After (JSON for the API, the error page for pages) and
// never a 500 or a reset connection; /healthz reports the outage and the recovery; the server
// recovers on its own, without a restart, within RECOVERY_BOUND_MS of the database.

const LOAD_MS = 15_000;
const STOP_AT_MS = 4_000;
const OUTAGE_MS = 3_000;
const CONNECTIONS = 8;
// The pool gives up connecting after 5 s; nothing may take much longer than that.
const HANG_BOUND_MS = 8_000;
const RECOVERY_BOUND_MS = 10_000;

const NEAR = ['10001', '60614', '94110', 'Denver, CO', 'Seattle, WA', '30303', 'Boston, MA'];

interface Outcome {
	path: string;
	startedAt: number;
	endedAt: number;
	status?: number;
	retryAfter?: string | null;
	type?: string;
	body?: string;
	error?: string;
}

const base = () => inject('baseURL');

async function request(path: string): Promise<Outcome> {
	const startedAt = performance.now();
	try {
		const response = await fetch(base() + path, {
			redirect: 'manual',
			signal: AbortSignal.timeout(HANG_BOUND_MS + 5_000)
		});
		const body = await response.text();
		return {
			path,
			startedAt,
			endedAt: performance.now(),
			status: response.status,
			retryAfter: response.headers.get('retry-after'),
			type: response.headers.get('content-type') ?? '',
			body
		};
	} catch (error) {
		const cause = (error as Error & { cause?: { code?: string } }).cause;
		const error_ = `${(error as Error).name}: ${cause?.code ?? (error as Error).message}`;
		return { path, startedAt, endedAt: performance.now(), error: error_ };
	}
}

async function health(): Promise<{ status: number; body: { status?: string } }> {
	const response = await fetch(`${base()}/healthz`, { signal: AbortSignal.timeout(HANG_BOUND_MS) });
	return { status: response.status, body: (await response.json()) as { status?: string } };
}

test('PostgreSQL stops and restarts under load: 503 + Retry-After, then recovery', async () => {
	const cluster = throwawayCluster();
	expect((await health()).status).toBe(200);
	const first = (await (await fetch(`${base()}/api/facilities?near=10001&limit=1`)).json()) as {
		items: { id: string }[];
	};
	const id = first.items[0]?.id;
	expect(id).toBeTruthy();
	let n = 0;
	const paths = (): string => {
		const near = encodeURIComponent(NEAR[n++ % NEAR.length] ?? '');
		const mix = [
			`/api/facilities?near=${near}&radius=25&medication=buprenorphine&payment=medicaid`,
			`/api/facilities?near=${near}&radius=50`,
			`/api/facilities/${id ?? ''}`,
			`/search?near=${near}&radius=25&medication=methadone`
		];
		return mix[n % mix.length] ?? mix[0]!;
	};

	const started = performance.now();
	const outcomes: Outcome[] = [];
	const worker = async () => {
		while (performance.now() - started < LOAD_MS) outcomes.push(await request(paths()));
	};
	const workers = Array.from({ length: CONNECTIONS }, worker);

	let down = false;
	const at = { stopped: 0, restarted: 0 };
	let during: Awaited<ReturnType<typeof health>> | undefined;
	try {
		await sleep(STOP_AT_MS);
		at.stopped = performance.now();
		down = true;
		await cluster.stop();
		await sleep(500);
		during = await health().catch(() => undefined);
		await sleep(Math.max(0, OUTAGE_MS - (performance.now() - at.stopped)));
	} finally {
		// Whatever failed, the cluster is started again: the server and later tests need it.
		if (down) await cluster.start();
		at.restarted = performance.now();
		await Promise.all(workers);
	}
	const after = await health();

	const byStatus = new Map<string, number>();
	for (const o of outcomes) {
		const key = o.error ?? String(o.status);
		byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
	}
	const firstOk = outcomes
		.filter((o) => o.status === 200 && o.startedAt >= at.restarted)
		.reduce((min, o) => Math.min(min, o.endedAt), Infinity);
	const recoveryMs = firstOk - at.restarted;
	const slowest = Math.max(...outcomes.map((o) => o.endedAt - o.startedAt));
	console.log(
		`db-restart: ${outcomes.length} requests; by status ${JSON.stringify(Object.fromEntries(byStatus))}; ` +
			`database down ${Math.round(at.restarted - at.stopped)} ms; recovery ${Math.round(recoveryMs)} ms ` +
			`after the restart; slowest request ${Math.round(slowest)} ms; /healthz during ${during?.status} ` +
			`${during?.body.status}, after ${after.status} ${after.body.status}`
	);

	// No hang, no reset connection, no 500: only answers, and only 200 or 503.
	expect(outcomes.filter((o) => o.error).map((o) => `${o.path}: ${o.error}`)).toEqual([]);
	expect(slowest).toBeLessThan(HANG_BOUND_MS);
	expect([...byStatus.keys()].sort()).toEqual(['200', '503']);
	for (const o of outcomes.filter((o) => o.status === 503)) {
		expect(o.retryAfter, o.path).toMatch(/^\d+$/);
		if (o.path.startsWith('/api/')) {
			expect(o.type).toMatch(/^application\/json/);
			expect(JSON.parse(o.body ?? '').error.message).toMatch(/unavailable/);
		} else {
			expect(o.type).toMatch(/^text\/html/);
			expect(o.body).toContain('unavailable for a moment');
		}
	}
	// The outage was seen (so the test tested something) and reported by /healthz.
	expect(during).toEqual({ status: 503, body: expect.objectContaining({ status: 'unavailable' }) });
	// The server, still the same process, recovered by itself.
	expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);
	expect(after).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok' }) });
});
