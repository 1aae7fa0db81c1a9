import { describe, expect, it } from 'vitest';
import { LABEL_INK, MAP_COLORS } from './style';

// WCAG 2.2's relative luminance and contrast ratio, written out here rather than taken from the
// code under test.
const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const luminance = (hex: string) => {
	const [r, g, b] = channels(hex).map((v) =>
		v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
	) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};
const over = (top: string, alpha: number, under: string) =>
	'#' +
	channels(top)
		.map((t, i) => Math.round((t * alpha + channels(under)[i]! * (1 - alpha)) * 255))
		.map((v) => v.toString(16).padStart(2, '0'))
		.join('');

describe('the text over the map', () => {
	const { land, water, area, areaOpacity } = MAP_COLORS;
	// Names lie on land or water, inside the search's disc or outside it; they are never placed
	// over a pin or a cluster (label-placement.ts).
	const fills: Record<string, string> = {
		land,
		water,
		'land in the radius': over(area, areaOpacity, land),
		'water in the radius': over(area, areaOpacity, water)
	};

	for (const kind of ['state', 'town', 'center'] as const)
		for (const [where, fill] of Object.entries(fills))
			it(`${kind} names on ${where} reach 4.5:1`, () => {
				expect(contrast(LABEL_INK[kind], fill)).toBeGreaterThanOrEqual(4.5);
			});

	it('cluster counts on their cluster reach 4.5:1', () => {
		expect(contrast(LABEL_INK.clusterCount, MAP_COLORS.cluster)).toBeGreaterThanOrEqual(4.5);
	});

	it('the checker itself: grey #767676 on white is 4.54:1', () => {
		expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(over('#000000', 0.5, '#ffffff')).toBe('#808080');
	});
});
