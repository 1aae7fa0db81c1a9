import { expect, test } from 'vitest';
import { DatabaseBusy } from './outage';
import { Turns } from './turns';

const limits = { capacity: 1, perClient: 3, maxWaiting: 10, waitMs: 1_000 };

/** A clock the test moves by hand, so "how long a client held the database" is exact. */
function clock() {
	let t = 0;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

test('the client that has used the database least goes next, whatever it queued first', async () => {
	const time = clock();
	const turns = new Turns(limits, time.now);
	const order: string[] = [];
	const first = await turns.take('flood');
	const queued = [
		turns.take('flood').then((end) => (order.push('flood 2'), end)),
		turns.take('flood').then((end) => (order.push('flood 3'), end)),
		turns.take('searcher').then((end) => (order.push('searcher'), end))
	];
	time.advance(400); // the flood's first query held the database 400 ms
	first();
	const next = await Promise.race(queued);
	expect(order).toEqual(['searcher']);
	time.advance(5);
	next();
	(await queued[0]!)();
	(await queued[1]!)();
	expect(order).toEqual(['searcher', 'flood 2', 'flood 3']);
});

test('one client may hold or await only perClient sessions; the rest are refused at once', async () => {
	const turns = new Turns(limits);
	const end = await turns.take('a');
	const waiting = [turns.take('a'), turns.take('a')];
	await expect(turns.take('a')).rejects.toBeInstanceOf(DatabaseBusy);
	// Another client still gets in line.
	const other = turns.take('b');
	end();
	// Each ends its turn as soon as it has it; all of them get one.
	await Promise.all([...waiting, other].map((turn) => turn.then((next) => next())));
});

test('a request that waits longer than waitMs is refused, and its place given up', async () => {
	const turns = new Turns({ ...limits, waitMs: 50 });
	const end = await turns.take('a');
	await expect(turns.take('b')).rejects.toBeInstanceOf(DatabaseBusy);
	end();
	// b's refused wait left nothing behind: a new request is served at once.
	(await turns.take('b'))();
});

test('no more than maxWaiting wait in all', async () => {
	const turns = new Turns({ ...limits, maxWaiting: 2 });
	const end = await turns.take('a');
	const waiting = [turns.take('b'), turns.take('c')];
	await expect(turns.take('d')).rejects.toBeInstanceOf(DatabaseBusy);
	end();
	await Promise.all(waiting.map((turn) => turn.then((next) => next())));
});

test('capacity sessions run at once', async () => {
	const turns = new Turns({ ...limits, capacity: 2 });
	const ends = await Promise.all([turns.take('a'), turns.take('b')]);
	let third = false;
	const waiting = turns.take('c').then((end) => ((third = true), end));
	await new Promise((resolve) => setTimeout(resolve, 10));
	expect(third).toBe(false);
	ends[0]!();
	(await waiting)();
	ends[1]!();
});

test('a refusal for being over a limit comes after refusalDelayMs, not at once', async () => {
	const turns = new Turns({ ...limits, perClient: 1, refusalDelayMs: 80 });
	const end = await turns.take('a');
	const started = performance.now();
	await expect(turns.take('a')).rejects.toBeInstanceOf(DatabaseBusy);
	expect(performance.now() - started).toBeGreaterThanOrEqual(75);
	end();
});

test('one client holds at most runningPerClient sessions; its other requests wait, others go ahead', async () => {
	const turns = new Turns({ ...limits, capacity: 2, perClient: 5, runningPerClient: 1 });
	const first = await turns.take('a');
	let second = false;
	const waiting = turns.take('a').then((end) => ((second = true), end));
	// The second session is free, but not for a: b gets it.
	(await turns.take('b'))();
	expect(second).toBe(false);
	first();
	(await waiting)();
	expect(second).toBe(true);
});
