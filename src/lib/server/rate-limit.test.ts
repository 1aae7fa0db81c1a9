import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows max events a window per key, then says how long to wait', () => {
		let now = 0;
		const limiter = new RateLimiter(3, 60_000, () => now);
		expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
		now = 15_000;
		expect(limiter.take('a')).toBe(45);
		expect(limiter.take('b')).toBe(0);
		now = 60_000;
		expect(limiter.take('a')).toBe(0);
	});

	it('forgets ended windows once many keys are held', () => {
		let now = 0;
		const limiter = new RateLimiter(1, 1_000, () => now);
		for (let i = 0; i < 1500; i++) limiter.take(`k${i}`);
		now = 2_000;
		limiter.take('fresh');
		expect(limiter.take('k1')).toBe(0);
	});
});
