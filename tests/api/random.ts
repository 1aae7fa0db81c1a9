/** A small seeded generator (mulberry32): the same seed draws the same cases on every run. */
export class Random {
	#state: number;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Uniform in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	between(min: number, max: number): number {
		return min + this.next() * (max - min);
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from nothing');
		return items[Math.floor(this.next() * items.length)]!;
	}

	/** `n` distinct items (fewer if there are fewer). */
	sample<T>(items: readonly T[], n: number): T[] {
		const pool = [...items];
		for (let i = pool.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[pool[i], pool[j]] = [pool[j]!, pool[i]!];
		}
		return pool.slice(0, n);
	}
}
