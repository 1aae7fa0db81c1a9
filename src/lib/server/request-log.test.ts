import { describe, expect, it, vi } from 'vitest';
import { formatRequestLog, logRequest, redactError } from './request-log';

describe('request log', () => {
	it('has the route pattern, status and time only', () => {
		expect(formatRequestLog({ method: 'GET', route: '/search', status: 200, ms: 3.14159 })).toBe(
			'GET /search 200 3.1ms'
		);
		expect(formatRequestLog({ method: 'GET', route: null, status: 404, ms: 1 })).toBe(
			'GET (no route) 404 1.0ms'
		);
	});

	it('keeps values out of logged errors', () => {
		const error = Object.assign(
			new Error('invalid input syntax for type double precision: "42.3601, -71.0589"'),
			{ code: '22P02' }
		);
		const line = redactError(error);
		expect(line).toBe('Error 22P02: invalid input syntax for type double precision: "…"');
		expect(redactError(new Error('point at -71.0589 42.3601'))).not.toMatch(/71\.05|42\.36/);
	});

	it('writes the lines of a burst of requests together, soon after', async () => {
		const writes: string[] = [];
		const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
			writes.push(String(chunk));
			return true;
		});
		try {
			for (const status of [200, 404, 503])
				logRequest({ method: 'GET', route: '/x', status, ms: 1 });
			expect(writes).toEqual([]);
			await new Promise((resolve) => setTimeout(resolve, 250));
			expect(writes).toEqual(['GET /x 200 1.0ms\nGET /x 404 1.0ms\nGET /x 503 1.0ms\n']);
		} finally {
			spy.mockRestore();
		}
	});
});
