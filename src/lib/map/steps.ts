import { milesBetween, type Bbox, type LngLat } from './geo';
import type { PinFeature } from './features';

/**
 * The order keyboard users step through pins in: the ones inside the view, nearest `from` (the
 * search center, or the view's center) first, so that "next" moves outwards like the list does.
 */
export function stepOrder(pins: readonly PinFeature[], view: Bbox, from: LngLat): string[] {
	const [w, s, e, n] = view;
	return pins
		.flatMap((f) => {
			const [lng, lat] = f.geometry.coordinates as [number, number];
			if (lng < w || lng > e || lat < s || lat > n) return [];
			return [{ id: f.id, miles: milesBetween(from, { lng, lat }) }];
		})
		.sort((a, b) => a.miles - b.miles || (a.id < b.id ? -1 : 1))
		.map((p) => p.id);
}

/** The index after `current` moving by `by`, wrapping around; the first (or last) from nowhere. */
export function stepFrom(current: number, by: 1 | -1, length: number): number {
	if (length === 0) return -1;
	if (current < 0 || current >= length) return by === 1 ? 0 : length - 1;
	return (current + by + length) % length;
}
