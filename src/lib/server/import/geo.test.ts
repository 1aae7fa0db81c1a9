import { describe, expect, it } from 'vitest';
import { distanceKm, inUsBounds, parseLngLat } from './geo';

describe('parseLngLat', () => {
	it('accepts points in the states and territories', () => {
		expect(parseLngLat('-87.66639', '34.832909')).toEqual({
			ok: { lng: -87.66639, lat: 34.832909 }
		});
		expect(inUsBounds({ lng: -66.07, lat: 18.43 })).toBe(true); // San Juan
		expect(inUsBounds({ lng: 144.74, lat: 13.47 })).toBe(true); // Guam
		expect(inUsBounds({ lng: -149.9, lat: 61.2 })).toBe(true); // Anchorage
		expect(inUsBounds({ lng: -157.86, lat: 21.31 })).toBe(true); // Honolulu
	});
	it('says why a pair is unusable', () => {
		expect(parseLngLat('', '34.8')).toEqual({ rejected: 'missing coordinates' });
		expect(parseLngLat('abc', '34.8')).toMatchObject({ rejected: /not numbers/ });
		expect(parseLngLat('-87.6', '134.8')).toMatchObject({ rejected: /out of range/ });
		expect(parseLngLat('0', '0')).toMatchObject({ rejected: /outside the US/ });
		// Latitude and longitude swapped.
		expect(parseLngLat('34.8', '-87.6')).toMatchObject({ rejected: /out of range|outside/ });
		expect(parseLngLat('2.35', '48.86')).toMatchObject({ rejected: /outside the US/ }); // Paris
	});
});

describe('distanceKm', () => {
	it('measures great-circle distance', () => {
		// Boston to New York City: about 306 km.
		const km = distanceKm({ lng: -71.0589, lat: 42.3601 }, { lng: -74.006, lat: 40.7128 });
		expect(km).toBeGreaterThan(300);
		expect(km).toBeLessThan(312);
		expect(distanceKm({ lng: 10, lat: 10 }, { lng: 10, lat: 10 })).toBe(0);
	});
});
