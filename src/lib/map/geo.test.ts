import { describe, expect, test } from 'vitest';
import { bboxOf, milesBetween, radiusCovering, type Bbox } from './geo';

const CHOICES = [5, 10, 25, 50, 100, 250];
const boston = { lng: -71.0589, lat: 42.3601 };

test('milesBetween: Boston to New York is about 190 miles', () => {
	expect(milesBetween(boston, { lng: -74.006, lat: 40.7128 })).toBeCloseTo(190, -1);
	expect(milesBetween(boston, boston)).toBe(0);
});

describe('radiusCovering', () => {
	// A view whose corners are `half` degrees of latitude from the center, north and south.
	const view = (half: number): Bbox => [
		boston.lng - half,
		boston.lat - half,
		boston.lng + half,
		boston.lat + half
	];

	test('the smallest choice that reaches the farthest corner', () => {
		// 0.05° each way: corners about 4.3 miles away.
		expect(radiusCovering(boston, view(0.05), CHOICES)).toBe(5);
		// 0.1°: about 8.6 miles, past 5.
		expect(radiusCovering(boston, view(0.1), CHOICES)).toBe(10);
		expect(radiusCovering(boston, view(0.5), CHOICES)).toBe(50);
	});

	test('a view wider than any choice gets the largest', () => {
		expect(radiusCovering(boston, view(10), CHOICES)).toBe(250);
	});

	test('choices in any order', () => {
		expect(radiusCovering(boston, view(0.1), [250, 10, 5])).toBe(10);
	});
});

test('bboxOf', () => {
	expect(bboxOf([])).toBeUndefined();
	expect(
		bboxOf([
			{ lng: -71, lat: 42 },
			{ lng: -72.5, lat: 43 },
			{ lng: -70, lat: 41.5 }
		])
	).toEqual([-72.5, 41.5, -70, 43]);
});
