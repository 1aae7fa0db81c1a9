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
// one thread for tens of milliseconds, whatever the database: a client asking for many at once
// (npm run bench:flood) kept the thread for itself. One is built per client at a time, and one
// more may wait; beyond that the answer is 503 with Retry-After, after REFUSAL_DELAY_MS (answered
// at once, a flooding client asks again at once).
const REFUSAL_DELAY_MS = 1_000;
const heavy = new Map<string, { running: boolean; waiting: (() => void)[] }>();

/** Runs `build` as one of the current client's heavy answers (see above). */
export async function heavyTurn<T>(build: () => Promise<T>): Promise<T> {
	const client = currentClient() ?? '(server)';
	let turn = heavy.get(client);
	if (!turn) heavy.set(client, (turn = { running: false, waiting: [] }));
	if (turn.running) {
		if (turn.waiting.length >= 1) {
			await new Promise((resolve) => setTimeout(resolve, REFUSAL_DELAY_MS));
			throw new DatabaseBusy('one map at a time from one client');
		}
		await new Promise<void>((resolve) => turn.waiting.push(resolve));
	}
	turn.running = true;
	try {
		return await build();
	} finally {
		const next = turn.waiting.shift();
		if (next) next();
		else {
			turn.running = false;
			heavy.delete(client);
		}
	}
}
