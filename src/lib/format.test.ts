import { describe, expect, it } from 'vitest';
import { formatDay, formatNumber, formatShortDate } from './format';

// Intl is the oracle: the functions exist only so that a browser need not load it.
describe('formatNumber', () => {
	const samples = [
		0, 1, 7, 12, 999, 1000, 12_744, 1_000_000, 627_907, -3, -0.04, 0.04, 0.05, 0.15, 1.05, 2.25,
		9.95, 99.96, 1234.5678, 96.4, 24.999
	];
	for (let i = 0; i < 500; i++) samples.push(Math.round(Math.sin(i) * 10 ** (i % 7) * 1000) / 1000);

	it.each([0, 1])('writes numbers as Intl does with at most %i decimals', (decimals) => {
		const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals });
		for (const n of samples) expect(formatNumber(n, decimals), String(n)).toBe(intl.format(n));
	});
});

describe('dates', () => {
	it('writes a calendar day as a long US date', () => {
		expect(formatDay('2023-06-29')).toBe('June 29, 2023');
		for (let m = 1; m <= 12; m++) {
			const iso = `2026-${String(m).padStart(2, '0')}-0${(m % 9) + 1}`;
			const intl = new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
				year: 'numeric',
				month: 'long',
				day: 'numeric',
				timeZone: 'UTC'
			});
			expect(formatDay(iso)).toBe(intl);
		}
	});

	it('writes a moment as a medium US date in the local time zone', () => {
		for (let m = 0; m < 12; m++) {
			const moment = new Date(2026, m, m + 3, 23, 30);
			expect(formatShortDate(moment)).toBe(
				moment.toLocaleDateString('en-US', { dateStyle: 'medium' })
			);
		}
	});
});
