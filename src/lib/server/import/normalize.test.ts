import { describe, expect, it } from 'vitest';
import { phones, serviceCodes, street, website, zip5 } from './normalize';

describe('zip5', () => {
	it('keeps five-digit ZIPs and restores leading zeros lost in spreadsheets', () => {
		expect(zip5('35007')).toBe('35007');
		expect(zip5('2150')).toBe('02150');
		expect(zip5('731')).toBe('00731');
	});
	it('cuts ZIP+4 to five digits', () => {
		expect(zip5('00919-1149')).toBe('00919');
		expect(zip5('021501234')).toBe('02150');
	});
	it('refuses what cannot be a ZIP', () => {
		expect(zip5('')).toBeNull();
		expect(zip5('ABCDE')).toBeNull();
		expect(zip5('12')).toBeNull();
		expect(zip5('123456')).toBeNull();
	});
});

describe('serviceCodes', () => {
	it('splits codes, drops category separators, upper-cases and dedupes', () => {
		expect(serviceCodes('SA DT SUMH * OP od * MU BU NU *  BU')).toEqual([
			'SA',
			'DT',
			'SUMH',
			'OP',
			'OD',
			'MU',
			'BU',
			'NU'
		]);
		expect(serviceCodes('')).toEqual([]);
	});
});

describe('phones', () => {
	it('keeps distinct non-empty numbers in order', () => {
		expect(phones(['205-216-0200', '', ' 205-216-0200 ', '800-555-0100 x2'])).toEqual([
			'205-216-0200',
			'800-555-0100 x2'
		]);
	});
});

describe('street', () => {
	it('stores a placeholder street as empty', () => {
		expect(street('- - -')).toBe('');
		expect(street('  750  Highway 31 South ')).toBe('750 Highway 31 South');
	});
});

describe('website', () => {
	it('keeps URLs, adds https:// to bare hosts, drops empty values', () => {
		expect(website('http://www.bhninc.org')).toBe('http://www.bhninc.org');
		expect(website('www.example.org')).toBe('https://www.example.org');
		expect(website(' ')).toBeNull();
	});
});
