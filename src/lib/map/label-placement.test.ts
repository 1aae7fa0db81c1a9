import { describe, expect, it } from 'vitest';
import { centeredBox, circleBox, overlaps, placeLabels, townMinZoom } from './label-placement';

const view = { left: 0, top: 0, right: 400, bottom: 300 };
const label = (name: string, x: number, y: number) => ({
	name,
	boxes: [centeredBox(x, y, 60, 16)]
});
const names = (placed: { label: { name: string } }[]) => placed.map((p) => p.label.name);

describe('placeLabels', () => {
	it('keeps the first of two labels that would overlap, and any that do not', () => {
		const placed = placeLabels(
			[label('Boston', 100, 100), label('Cambridge', 120, 105), label('Worcester', 300, 200)],
			[],
			view
		);
		expect(names(placed)).toEqual(['Boston', 'Worcester']);
	});

	it('never draws a label over an obstacle (a cluster), or partly outside the view', () => {
		const cluster = circleBox(100, 100, 24);
		const placed = placeLabels(
			[label('Under', 110, 100), label('Edge', 10, 150), label('Free', 250, 150)],
			[cluster],
			view
		);
		expect(names(placed)).toEqual(['Free']);
		for (const p of placed) expect(overlaps(p.box, cluster)).toBe(false);
	});

	it('moves a label to its next box when the first is taken', () => {
		const cluster = circleBox(100, 100, 12);
		const beside = {
			name: 'Worcester',
			boxes: [centeredBox(100, 100, 60, 16), centeredBox(100, 130, 60, 16)]
		};
		const [placed] = placeLabels([beside], [cluster], view);
		expect(placed?.anchor).toBe(1);
		expect(overlaps(placed!.box, cluster)).toBe(false);
	});

	it('treats boxes that only touch as apart', () => {
		expect(overlaps(circleBox(0, 0, 10), circleBox(20, 0, 10))).toBe(false);
		expect(overlaps(circleBox(0, 0, 10), circleBox(19, 0, 10))).toBe(true);
	});
});

describe('townMinZoom', () => {
	it('names bigger places from farther out', () => {
		expect(townMinZoom(8_000_000)).toBeLessThan(townMinZoom(200_000));
		expect(townMinZoom(200_000)).toBeLessThan(townMinZoom(1_000));
		// Worcester, MA (about 200,000 people) is named when 25 miles around it fill the map.
		expect(townMinZoom(200_000)).toBeLessThan(8);
		expect(townMinZoom(1)).toBeLessThanOrEqual(14);
	});
});
