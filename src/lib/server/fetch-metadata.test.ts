import { describe, expect, it } from 'vitest';
import { restoreSameOrigin } from './fetch-metadata';

describe('restoreSameOrigin', () => {
	const own = 'http://localhost:3000';

	it('gives a same-origin form post its origin back', () => {
		const headers = { origin: 'null', 'sec-fetch-site': 'same-origin' };
		restoreSameOrigin(headers, own);
		expect(headers.origin).toBe(own);
	});

	it.each([
		[{ origin: 'null', 'sec-fetch-site': 'cross-site' }],
		[{ origin: 'null', 'sec-fetch-site': 'same-site' }],
		[{ origin: 'null' }],
		[{ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }]
	])('leaves anything else as it is: %j', (headers) => {
		const before = headers.origin;
		restoreSameOrigin(headers, own);
		expect(headers.origin).toBe(before);
	});
});
