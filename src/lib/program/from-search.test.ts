import { describe, expect, it } from 'vitest';
import { pointOf, selectionOf } from './from-search';

describe('what a program page takes from the search', () => {
	it('keeps the filters the search named, and drops what is not an option', () => {
		const params = new URLSearchParams(
			'near=01608&medication=methadone&medication=nope&payment=medicaid&radius=25'
		);
		expect(selectionOf(params)).toEqual({
			medication: ['methadone'],
			payment: ['medicaid']
		});
	});

	it('reads a point only when both coordinates are there', () => {
		expect(pointOf(new URLSearchParams('lat=42.2&lng=-71.8'))).toEqual({ lat: 42.2, lng: -71.8 });
		expect(pointOf(new URLSearchParams('lat=42.2'))).toBeNull();
		expect(pointOf(new URLSearchParams('near=Worcester'))).toBeNull();
	});
});
