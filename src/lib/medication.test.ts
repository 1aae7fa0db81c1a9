import { describe, expect, it } from 'vitest';
import { summarize } from './medication';

const of = (...codes: string[]) => summarize(new Set(codes));

describe('summarize', () => {
	it('says what the Type of Opioid Treatment codes add to each medication', () => {
		expect(of('MU', 'MM', 'BU', 'UB', 'NU', 'UN').lines).toEqual([
			'Methadone maintenance',
			'Prescribes buprenorphine',
			'Prescribes naltrexone'
		]);
		expect(of('MU', 'DM').lines).toEqual(['Methadone: detox only']);
		expect(of('BU', 'DB').lines).toEqual(['Buprenorphine: detox only']);
		expect(of('BU').lines).toEqual(['Buprenorphine listed, not coded as prescribed here']);
	});
	it('marks a listing that contradicts itself and never gives it a medication color', () => {
		const s = of('BU', 'UB', 'NOOP');
		expect(s.kind).toBe('check');
		expect(s.contradiction).toContain('does not treat opioid use disorders');
		expect(of('BU', 'UB').contradiction).toBeNull();
	});
	it('notes clients on medication prescribed elsewhere', () => {
		expect(of('MOA')).toMatchObject({ kind: 'other', lines: [], elsewhere: true });
	});
});
