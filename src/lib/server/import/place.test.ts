import { describe, expect, it } from 'vitest';
import { Geocoder } from './geocode';
import { place } from './place';
import { testFacility } from './test-records';

// 59524 is Dodson, MT; its centroid in the zipcodes package is near 48.395, -108.2465.
const dodson = { street1: '229 Medicine Bear Road', city: 'Dodson', state: 'MT', zip: '59524' };
const point = (lng: number, lat: number) => ({
	list: 'locator',
	line: 2,
	name: 'Hope Center',
	street1: '229 Medicine Bear Road',
	street2: '',
	city: 'Dodson',
	state: 'MT',
	zip: '59524',
	location: { lng, lat }
});

describe('place', () => {
	it('uses an address match near the ZIP', () => {
		const result = place(testFacility(dodson), new Geocoder([point(-108.25, 48.4)]));
		expect(result).toMatchObject({
			ok: { precision: 'address', locationSource: 'locator', rule: 'street+zip', note: null }
		});
	});
	it('falls back to the ZIP centroid when the match is far from the ZIP', () => {
		// The 2021 locator put this address near Wolf Point, 229 km east.
		const result = place(testFacility(dodson), new Geocoder([point(-105.18, 48.12)]));
		expect(result).toMatchObject({ ok: { precision: 'zip', locationSource: 'zip-centroid' } });
		expect('ok' in result && result.ok.note).toMatch(/229 km from ZIP 59524/);
	});
	it('places an unmatched facility at its ZIP centroid', () => {
		const result = place(testFacility(dodson), new Geocoder([]));
		expect(result).toMatchObject({
			ok: { precision: 'zip', locationSource: 'zip-centroid', point: { lat: 48.395 } }
		});
	});
	it('uses the coordinates a row carries', () => {
		const own = { lng: -108.3, lat: 48.39 };
		const facility = testFacility({ ...dodson, location: own, locationList: 'findtreatment-2025' });
		expect(place(facility, new Geocoder([]))).toMatchObject({
			ok: { point: own, precision: 'address', locationSource: 'findtreatment-2025' }
		});
	});
	it('rejects a facility with an unknown ZIP and no address match', () => {
		const result = place(testFacility({ zip: '99999' }), new Geocoder([]));
		expect(result).toEqual({ rejected: expect.stringMatching(/ZIP 99999 is not in/) });
	});
});
