import { describe, expect, test } from 'vitest';
import { fallbackMessage, isApiPath, isErrorShape } from './api-error-shape';

describe('isApiPath', () => {
	test('/api and below, in origin or absolute form', () => {
		for (const path of ['/api', '/api/', '/api/facilities?near=1', '/api?x', 'http://evil/api/x']) {
			expect(isApiPath(path), path).toBe(true);
		}
	});

	test('not what merely starts with the letters', () => {
		for (const path of ['/apis', '/api.json', '/', '/search?x=/api/', '*', 'example.com:443', '']) {
			expect(isApiPath(path), path).toBe(false);
		}
	});
});

describe('isErrorShape', () => {
	test('{ error: { message, field? } } with strings', () => {
		expect(isErrorShape({ error: { message: 'm' } })).toBe(true);
		expect(isErrorShape({ error: { message: 'm', field: 'near', choices: [] } })).toBe(true);
	});

	test('anything else', () => {
		for (const body of [
			null,
			'error',
			{ message: 'Cross-site POST form submissions are forbidden' },
			{ error: 'm' },
			{ error: { message: 1 } },
			{ error: { message: 'm', field: 2 } }
		]) {
			expect(isErrorShape(body), JSON.stringify(body)).toBe(false);
		}
	});
});

test('a 405 names the method, cut short, and what is allowed', () => {
	expect(fallbackMessage(405, 'PUT', 'GET, HEAD')).toBe('PUT is not allowed here; use GET, HEAD');
	expect(fallbackMessage(405, 'X'.repeat(100))).toBe(`${'X'.repeat(20)} is not allowed here`);
	expect(fallbackMessage(418, 'GET')).toBe("i'm a teapot");
});
