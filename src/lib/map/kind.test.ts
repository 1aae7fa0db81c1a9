import { describe, expect, test } from 'vitest';
import { classify, kindColour, KINDS } from './kind';

const none = { methadone: false, buprenorphine: false, naltrexone: false, otp: false };

describe('classify', () => {
	test('methadone, or a certified OTP without the code, outranks the others', () => {
		expect(classify({ ...none, methadone: true, buprenorphine: true, naltrexone: true })).toBe(
			'methadone'
		);
		expect(classify({ ...none, otp: true, buprenorphine: true })).toBe('methadone');
	});
	test('then buprenorphine, then naltrexone, then nothing listed', () => {
		expect(classify({ ...none, buprenorphine: true, naltrexone: true })).toBe('buprenorphine');
		expect(classify({ ...none, naltrexone: true })).toBe('naltrexone');
		expect(classify(none)).toBe('other');
	});
});

test('every kind has a distinct colour, and the expression maps each one', () => {
	expect(new Set(KINDS.map((k) => k.colour)).size).toBe(KINDS.length);
	const expression = kindColour();
	expect(expression.slice(0, 2)).toEqual(['match', ['get', 'kind']]);
	for (const k of KINDS) {
		expect(expression[expression.indexOf(k.kind) + 1]).toBe(k.colour);
	}
});
