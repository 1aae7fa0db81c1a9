import { describe, expect, it } from 'vitest';
import { Geocoder } from './geocode';
import { testFacility } from './test-records';
import type { CoordinateRecord } from './types';

const facility = testFacility;

function point(fields: Partial<CoordinateRecord>): CoordinateRecord {
	return {
		list: 'locator',
		line: 2,
		name: 'Hope Center',
		street1: '100 N Main St',
		street2: '',
		city: 'Springfield',
		state: 'IL',
		zip: '62701',
		location: { lng: -89.65, lat: 39.8 },
		...fields
	};
}

describe('Geocoder', () => {
	it('matches street and ZIP across spellings and suites', () => {
		const geocoder = new Geocoder([point({ street1: '100 N. Main St., Suite 4' })]);
		expect(geocoder.locate(facility({}))).toMatchObject({ list: 'locator', rule: 'street+zip' });
	});
	it('uses street2 when street1 is a building name, on either side', () => {
		const geocoder = new Geocoder([
			point({ street1: 'Lincoln Building', street2: '100 N Main St' })
		]);
		expect(geocoder.locate(facility({}))?.rule).toBe('street+zip');
		const other = new Geocoder([point({})]);
		const building = facility({ street1: 'Lincoln Building', street2: '100 North Main Street' });
		expect(other.locate(building)?.rule).toBe('street+zip');
	});
	it('matches the same street in the same city under another ZIP', () => {
		const geocoder = new Geocoder([point({ zip: '62702', name: 'Other name' })]);
		expect(geocoder.locate(facility({}))?.rule).toBe('street+city');
	});
	it('accepts a name match only at the same house number', () => {
		const sameNumber = new Geocoder([point({ street1: '100 Route 9' })]);
		expect(sameNumber.locate(facility({}))?.rule).toBe('name+zip+number');
		const otherNumber = new Geocoder([point({ street1: '222 N Main St' })]);
		expect(otherNumber.locate(facility({}))).toBeNull();
	});
	it('never matches on a P.O. box or a placeholder street', () => {
		const geocoder = new Geocoder([point({ street1: 'P.O. Box 12' }), point({ street1: '- - -' })]);
		expect(geocoder.locate(facility({ street1: 'P.O. Box 12' }))).toBeNull();
		expect(geocoder.locate(facility({ street1: '' }))).toBeNull();
	});
	it('prefers earlier lists, then the same name, then the earlier row', () => {
		const a = { lng: -89.1, lat: 39.1 };
		const b = { lng: -89.2, lat: 39.2 };
		const c = { lng: -89.3, lat: 39.3 };
		const geocoder = new Geocoder([
			point({ list: 'first', line: 9, name: 'Someone else', location: a }),
			point({ list: 'first', line: 5, location: b }),
			point({ list: 'second', line: 1, location: c })
		]);
		expect(geocoder.locate(facility({}))).toMatchObject({ list: 'first', point: b });
	});
});
