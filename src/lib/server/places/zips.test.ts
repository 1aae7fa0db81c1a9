import { describe, expect, it } from 'vitest';
import { nearestZip, zipTable } from './zips';

describe('nearestZip', () => {
	it('finds the ZIP whose center is nearest a point', () => {
		// A few hundred metres from the center of 01609 (Worcester, MA).
		const center = zipTable().get('01609')!;
		const near = nearestZip(center.latitude + 0.002, center.longitude - 0.002);
		expect(near?.zip).toBe('01609');
	});

	it('works across the antimeridian and in the territories', () => {
		const guam = zipTable().get('96910')!;
		expect(nearestZip(guam.latitude, guam.longitude)?.zip).toBe('96910');
	});

	it('finds nothing far out at sea or abroad', () => {
		expect(nearestZip(48.8566, 2.3522)).toBeUndefined(); // Paris
		expect(nearestZip(30, -40)).toBeUndefined(); // mid-Atlantic
	});
});
