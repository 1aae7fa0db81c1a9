import { DatabaseBusy } from './outage';

/**
 * Who uses the database next. `capacity` sessions at once; the rest wait in a queue per client,
 * and when a session frees, the waiting client that has used the database least lately goes
 * next: its use is the time it held sessions, decaying by half every HALF_LIFE_MS. So someone
 * searching (a few milliseconds a query) goes ahead of a client that has had the database for
 * seconds, however many requests that client keeps waiting; no client holds more than
 * `runningPerClient` at once, so others always find one free. Beyond `perClient` sessions held or
 * awaited by one client, or `maxWaiting` in all, a request is refused with DatabaseBusy after
 * `refusalDelayMs` (refused at once, a flooding client asks again at once, and the refusals alone
 * keep the server busy); after `waitMs` in the queue, it is refused then.
 */
export interface TurnLimits {
	capacity: number;
	/** Sessions one client may hold or await at once. */
	perClient: number;
	/** Sessions one client may hold at once (the rest of its requests wait); default: all. */
	runningPerClient?: number;
	maxWaiting: number;
	waitMs: number;
	refusalDelayMs?: number;
}

const HALF_LIFE_MS = 5_000;
// Clients whose use has decayed to nothing are forgotten once this many are remembered.
const REMEMBERED = 1_000;

interface Waiter {
	client: string;
	arrived: number;
	admit(): void;
}

export class Turns {
	readonly #queues = new Map<string, Waiter[]>();
	readonly #held = new Map<string, number>();
	readonly #runningOf = new Map<string, number>();
	readonly #use = new Map<string, { ms: number; at: number }>();
	#running = 0;
	#waiting = 0;
	#arrivals = 0;

	constructor(
		readonly limits: TurnLimits,
		private readonly now: () => number = () => performance.now()
	) {}

	/** A session's turn for `client`; resolves to the function that ends it. */
	take(client: string): Promise<() => void> {
		const { perClient, maxWaiting, waitMs } = this.limits;
		if ((this.#held.get(client) ?? 0) >= perClient) {
			return this.#refuse('too many requests from one client at once');
		}
		if (this.#waiting >= maxWaiting) {
			return this.#refuse('too many requests waiting for the database');
		}
		this.#count(client, 1);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				if (!this.#remove(waiter)) return;
				this.#count(client, -1);
				reject(new DatabaseBusy('the database is busy'));
			}, waitMs);
			const waiter: Waiter = {
				client,
				arrived: this.#arrivals++,
				admit: () => {
					clearTimeout(timer);
					const started = this.now();
					let done = false;
					resolve(() => {
						if (done) return;
						done = true;
						this.#running--;
						this.#count(client, -1);
						this.#bump(this.#runningOf, client, -1);
						this.#used(client, this.now() - started);
						this.#dispatch();
					});
				}
			};
			const queue = this.#queues.get(client);
			if (queue) queue.push(waiter);
			else this.#queues.set(client, [waiter]);
			this.#waiting++;
			this.#dispatch();
		});
	}

	#refuse(message: string): Promise<never> {
		const error = new DatabaseBusy(message);
		const ms = this.limits.refusalDelayMs ?? 0;
		if (ms === 0) return Promise.reject(error);
		return new Promise((_, reject) => setTimeout(() => reject(error), ms));
	}

	#dispatch(): void {
		const most = this.limits.runningPerClient ?? this.limits.capacity;
		while (this.#running < this.limits.capacity && this.#waiting > 0) {
			let next: Waiter | undefined;
			let least = Infinity;
			for (const [client, queue] of this.#queues) {
				if ((this.#runningOf.get(client) ?? 0) >= most) continue;
				const use = this.#currentUse(client);
				const first = queue[0]!;
				if (use < least || (use === least && first.arrived < next!.arrived)) {
					least = use;
					next = first;
				}
			}
			// Everyone waiting already has their share running.
			if (!next) return;
			this.#remove(next);
			this.#running++;
			this.#bump(this.#runningOf, next.client, 1);
			next.admit();
		}
	}

	#remove(waiter: Waiter): boolean {
		const queue = this.#queues.get(waiter.client);
		const at = queue?.indexOf(waiter) ?? -1;
		if (at < 0) return false;
		queue!.splice(at, 1);
		if (queue!.length === 0) this.#queues.delete(waiter.client);
		this.#waiting--;
		return true;
	}

	#count(client: string, by: number): void {
		this.#bump(this.#held, client, by);
	}

	#bump(counts: Map<string, number>, client: string, by: number): void {
		const n = (counts.get(client) ?? 0) + by;
		if (n === 0) counts.delete(client);
		else counts.set(client, n);
	}

	#currentUse(client: string): number {
		const use = this.#use.get(client);
		return use ? use.ms * 0.5 ** ((this.now() - use.at) / HALF_LIFE_MS) : 0;
	}

	#used(client: string, ms: number): void {
		this.#use.set(client, { ms: this.#currentUse(client) + ms, at: this.now() });
		if (this.#use.size <= REMEMBERED) return;
		for (const [name] of this.#use) {
			if (this.#currentUse(name) < 1 && !this.#held.has(name)) this.#use.delete(name);
		}
	}
}
