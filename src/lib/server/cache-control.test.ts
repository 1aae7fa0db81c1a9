import { describe, expect, test } from 'vitest';
import { cachePolicy } from './cache-control';

describe('cachePolicy', () => {
	test('a response that says nothing is kept by this browser only, revalidated', () => {
		expect(cachePolicy(null)).toBe('private, no-cache');
		expect(cachePolicy(undefined)).toBe('private, no-cache');
		expect(cachePolicy('  ')).toBe('private, no-cache');
	});

	test('public, private and no-store are the response’s own choice', () => {
		for (const given of [
			'public, max-age=3600',
			'PUBLIC,max-age=31536000,immutable',
			'private, max-age=60',
			'no-store',
			'no-cache, no-store'
		]) {
			expect(cachePolicy(given)).toBe(given);
		}
	});

	test('anything a shared cache could keep becomes private', () => {
		expect(cachePolicy('no-cache')).toBe('private, no-cache');
		expect(cachePolicy('max-age=60')).toBe('private, max-age=60');
		// A directive merely containing a word is not that directive.
		expect(cachePolicy('x-public-ish')).toBe('private, x-public-ish');
	});
});
