import cluster from 'node:cluster';

/**
 * A fixed-window limit of `max` events per `windowMs` for each key, in memory. Keys are held only
 * for their window (the client address a key is made from is never stored anywhere else, and is
 * forgotten when the window ends). One process; SharedRateLimiter below spans `npm start`'s
 * worker processes. Behind several servers each has its own allowance, which is fine for a form
 * that needs no more than "slow down".
 */
export class RateLimiter {
	readonly #hits = new Map<string, { count: number; resetAt: number }>();

	constructor(
		readonly max: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now
	) {}

	/** Counts an event; returns 0 if allowed, or the seconds until the key may try again. */
	take(key: string): number {
		const now = this.now();
		this.#sweep(now);
		const entry = this.#hits.get(key);
		if (!entry || entry.resetAt <= now) {
			this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
			return 0;
		}
		if (entry.count >= this.max) return Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
		entry.count += 1;
		return 0;
	}

	/** Forget ended windows, so memory is bounded by the clients of one window. */
	#sweep(now: number): void {
		if (this.#hits.size < 1000) return;
		for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
	}
}

// `npm start` may run one server process per core (node:cluster), each taking requests in turn,
// so a client's reports land on different workers. The counts then live in the primary process:
// a worker asks it over the cluster's IPC channel. Run alone (one process, `node build`, tests),
// the limiter counts in its own process.

const ASK = 'mat:rate-limit';
const ANSWER_TIMEOUT_MS = 2_000;

interface Ask {
	type: typeof ASK;
	id: number;
	name: string;
	max: number;
	windowMs: number;
	key: string;
}

interface Answer {
	type: typeof ASK;
	id: number;
	wait: number;
}

const isAnswer = (m: unknown): m is Answer =>
	typeof m === 'object' && m !== null && (m as Answer).type === ASK;

export class SharedRateLimiter {
	readonly #local: RateLimiter;
	#next = 0;
	readonly #waiting = new Map<number, (wait: number) => void>();

	constructor(
		/** Tells limits apart in the primary. */
		readonly name: string,
		readonly max: number,
		readonly windowMs: number
	) {
		this.#local = new RateLimiter(max, windowMs);
	}

	/** As RateLimiter.take: 0 if allowed, or the seconds until the key may try again. */
	take(key: string): Promise<number> {
		const send = process.send?.bind(process);
		if (!cluster.isWorker || !send) return Promise.resolve(this.#local.take(key));
		if (this.#waiting.size === 0) process.on('message', this.#onMessage);
		const id = this.#next++;
		const ask: Ask = {
			type: ASK,
			id,
			name: this.name,
			max: this.max,
			windowMs: this.windowMs,
			key
		};
		return new Promise((resolve) => {
			// Should the primary not answer (it is shutting down), this worker counts alone.
			const timer = setTimeout(() => settle(this.#local.take(key)), ANSWER_TIMEOUT_MS);
			const settle = (wait: number) => {
				clearTimeout(timer);
				if (this.#waiting.delete(id) && this.#waiting.size === 0) {
					process.off('message', this.#onMessage);
				}
				resolve(wait);
			};
			this.#waiting.set(id, settle);
			send(ask, undefined, {}, (error) => {
				if (error) settle(this.#local.take(key));
			});
		});
	}

	readonly #onMessage = (message: unknown) => {
		if (!isAnswer(message)) return;
		this.#waiting.get(message.id)?.(message.wait);
	};
}

/** In the primary process: answers its workers' SharedRateLimiter asks from one set of counts. */
export function answerRateLimits(): void {
	const limiters = new Map<string, RateLimiter>();
	cluster.on('message', (worker, message: unknown) => {
		const ask = message as Partial<Ask>;
		if (ask?.type !== ASK || typeof ask.key !== 'string' || typeof ask.name !== 'string') return;
		let limiter = limiters.get(ask.name);
		if (!limiter) {
			limiter = new RateLimiter(Number(ask.max), Number(ask.windowMs));
			limiters.set(ask.name, limiter);
		}
		const answer: Answer = { type: ASK, id: Number(ask.id), wait: limiter.take(ask.key) };
		worker.send(answer);
	});
}
