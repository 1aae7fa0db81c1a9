import { describe, expect, test } from 'vitest';
import { kindColor, kindOf, KINDS } from './kind';

const kind = (...codes: string[]) => kindOf(new Set(codes));

describe('kindOf', () => {
	test('methadone outranks the others; an OTP without the methadone code is not methadone', () => {
		expect(kind('MU', 'BU', 'NU')).toBe('methadone');
		expect(kind('OTP', 'BU')).toBe('buprenorphine');
		expect(kind('OTP')).toBe('other');
	});
	test('then buprenorphine, then naltrexone, then nothing listed', () => {
		expect(kind('BU', 'NU')).toBe('buprenorphine');
		expect(kind('NU')).toBe('naltrexone');
		expect(kind('MOA')).toBe('other');
	});
	test('a listing that says it does not treat opioid use disorder is a call to check', () => {
		expect(kind('BU', 'NOOP')).toBe('check');
		expect(kind('MU', 'NMOA')).toBe('check');
		expect(kind('NOOP')).toBe('other');
	});
});

test('every kind has a distinct color, and the expression maps each one', () => {
	expect(new Set(KINDS.map((k) => k.color)).size).toBe(KINDS.length);
	const expression = kindColor();
	expect(expression.slice(0, 2)).toEqual(['match', ['get', 'kind']]);
	for (const k of KINDS) {
		expect(expression[expression.indexOf(k.kind) + 1]).toBe(k.color);
	}
});
