import { describe, expect, test } from 'vitest';
import type { PinFeature } from './features';
import { stepFrom, stepOrder } from './steps';

const pin = (id: string, lng: number, lat: number): PinFeature => ({
	type: 'Feature',
	id,
	geometry: { type: 'Point', coordinates: [lng, lat] },
	properties: { id, kind: 'buprenorphine' }
});

describe('stepOrder', () => {
	const pins = [pin('far', -72.9, 44.9), pin('near', -73.2, 44.48), pin('out', -80, 40)];
	test('only pins in view, nearest first', () => {
		expect(stepOrder(pins, [-74, 44, -72, 45], { lng: -73.21, lat: 44.47 })).toEqual([
			'near',
			'far'
		]);
	});
	test('nothing in view', () => {
		expect(stepOrder(pins, [0, 0, 1, 1], { lng: 0.5, lat: 0.5 })).toEqual([]);
	});
});

describe('stepFrom', () => {
	test('wraps both ways', () => {
		expect(stepFrom(2, 1, 3)).toBe(0);
		expect(stepFrom(0, -1, 3)).toBe(2);
		expect(stepFrom(1, 1, 3)).toBe(2);
	});
	test('starts at either end', () => {
		expect(stepFrom(-1, 1, 3)).toBe(0);
		expect(stepFrom(-1, -1, 3)).toBe(2);
		expect(stepFrom(-1, 1, 0)).toBe(-1);
	});
});
