/**
 * A fixed-window limit of `max` events per `windowMs` for each key, in memory. Keys are held only
 * for their window (the client address a key is made from is never stored anywhere else, and is
 * forgotten when the window ends). One process: behind several processes or servers each has its
 * own allowance, which is fine for a form that needs no more than "slow down".
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
