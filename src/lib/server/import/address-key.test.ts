import { describe, expect, it } from 'vitest';
import { cityKey, houseNumber, nameKey, streetKey } from './address-key';

describe('streetKey', () => {
	it('agrees across USPS abbreviations, case and punctuation', () => {
		const key = streetKey('1250 North Wilson Avenue');
		expect(key).toBe('1250nwilsonave');
		expect(streetKey('1250 N. Wilson Ave')).toBe(key);
		expect(streetKey('1250 NORTH WILSON AV')).toBe(key);
	});
	it('drops suite, unit and floor designators', () => {
		const key = streetKey('100 Main Street');
		expect(streetKey('100 Main St, Suite 210')).toBe(key);
		expect(streetKey('100 Main Street #4')).toBe(key);
		expect(streetKey('100 Main Street 2nd Floor')).toBe(key);
		expect(streetKey('100 Main St Bldg B')).toBe(key);
	});
	it('keeps the street in front of a P.O. box', () => {
		expect(streetKey('2080 Child Street, P.O. Box 1000')).toBe(streetKey('2080 Child St'));
	});
	it('gives no key to what does not locate a place', () => {
		expect(streetKey('P.O. Box 724')).toBeNull();
		expect(streetKey('- - -')).toBeNull();
		expect(streetKey('Robert Marshall Building')).toBeNull();
		expect(streetKey('1250')).toBeNull();
		expect(streetKey('')).toBeNull();
	});
	it('keeps different house numbers and streets apart', () => {
		expect(streetKey('210 East Cottonwood Lane')).not.toBe(streetKey('222 East Cottonwood Lane'));
		expect(streetKey('100 Main Street')).not.toBe(streetKey('100 Main Avenue'));
	});
});

describe('houseNumber', () => {
	it('reads the leading number', () => {
		expect(houseNumber('8-13 Astoria Boulevard')).toBe('8-13');
		expect(houseNumber('12B Elm St')).toBe('12b');
		expect(houseNumber('One Moock Road')).toBeNull();
	});
});

describe('nameKey and cityKey', () => {
	it('ignore legal-form noise and abbreviations', () => {
		expect(nameKey('Amethyst House Inc')).toBe(nameKey('Amethyst House'));
		expect(nameKey('The Heights')).toBe(nameKey('Heights'));
		expect(cityKey('Saint Paul')).toBe(cityKey('St. Paul'));
	});
});
