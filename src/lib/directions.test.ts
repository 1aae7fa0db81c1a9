import { describe, expect, it } from 'vitest';
import { directionsHref } from './directions';

const at = {
	street1: '10 Main St',
	city: 'Worcester',
	state: 'MA',
	zip: '01608',
	lat: 42.26,
	lng: -71.8,
	precision: 'address'
};

describe('directionsHref', () => {
	it('routes to the point when it is the program’s own', () => {
		expect(directionsHref(at)).toBe('https://www.openstreetmap.org/directions?to=42.26%2C-71.8');
	});

	it('routes to the address when the point is only the ZIP code’s center', () => {
		expect(directionsHref({ ...at, precision: 'zip' })).toBe(
			'https://www.openstreetmap.org/directions?to=10%20Main%20St%2C%20Worcester%2C%20MA%2001608'
		);
		expect(directionsHref({ ...at, street1: '', precision: 'zip' })).toContain(
			'to=Worcester%2C%20MA%2001608'
		);
	});
});
