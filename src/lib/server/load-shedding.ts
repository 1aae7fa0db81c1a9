import type { Handle } from '@sveltejs/kit';
import { clientKey } from './client-key';
import { asClient, currentClient } from './db/index';
import { DatabaseBusy } from './db/outage';

/** Runs each request as its client's, so the database gate (db/fair-gate.ts) serves clients in turn. */
export const perClientTurns: Handle = ({ event, resolve }) =>
	asClient(
		clientKey(() => event.getClientAddress()),
		() => resolve(event)
	);

// Building the national map's answer (every program's point as GeoJSON, 2 MB) holds the server's
// thread for tens of milliseconds, whatever the database: a client asking for many at once
// (npm run bench:flood) kept the thread for itself. So one is built per client at a time, one
// more may wait, and the next starts only after a rest of COOL_DOWN times the last one's time
// (at most MAX_COOL_DOWN_MS): a client gets at most a quarter of the thread for these answers,
// which a person moving around a map never notices. Beyond that the answer is 503 with
// Retry-After, after REFUSAL_DELAY_MS (answered at once, a flooding client asks again at once).
const COOL_DOWN = 3;
const MAX_COOL_DOWN_MS = 1_000;
const REFUSAL_DELAY_MS = 1_000;

interface Turn {
	running: boolean;
	waiting: (() => void)[];
	readyAt: number;
}
const heavy = new Map<string, Turn>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `build` as one of the current client's heavy answers (see above). */
export async function heavyTurn<T>(build: () => Promise<T>): Promise<T> {
	const client = currentClient() ?? '(server)';
	let turn = heavy.get(client);
	if (!turn) heavy.set(client, (turn = { running: false, waiting: [], readyAt: 0 }));
	if (turn.running) {
		if (turn.waiting.length >= 1) {
			await sleep(REFUSAL_DELAY_MS);
			throw new DatabaseBusy('one map at a time from one client');
		}
		await new Promise<void>((resolve) => turn.waiting.push(resolve));
	}
	turn.running = true;
	const rest = turn.readyAt - performance.now();
	if (rest > 0) await sleep(rest);
	const started = performance.now();
	try {
		return await build();
	} finally {
		const took = performance.now() - started;
		const coolDown = Math.min(MAX_COOL_DOWN_MS, took * COOL_DOWN);
		turn.readyAt = performance.now() + coolDown;
		const next = turn.waiting.shift();
		if (next) next();
		else {
			turn.running = false;
			const idle = turn;
			setTimeout(() => {
				if (!idle.running && heavy.get(client) === idle) heavy.delete(client);
			}, coolDown).unref();
		}
	}
}
