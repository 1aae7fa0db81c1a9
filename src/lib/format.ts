// Numbers and dates in US English, written without Intl: a page's first Intl formatter loads ICU's
// locale data, 40–80 ms of main thread in headless Chromium here (170–320 ms under Lighthouse's
// 4× CPU slowdown) before the page can answer a tap. src/lib/format.test.ts checks these against
// Intl itself.

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Rounded half away from zero on the number's shortest decimal form (0.15 → 0.2), as Intl does. */
function rounded(abs: number, decimals: number): string {
	const text = String(abs);
	if (/e/i.test(text)) return abs.toFixed(decimals);
	const scaled = Math.round(Number(`${text}e${decimals}`));
	return Number(`${scaled}e-${decimals}`).toFixed(decimals);
}

/**
 * At most `decimals` decimals, trailing zeros dropped, thousands grouped: as
 * `Intl.NumberFormat('en-US', { maximumFractionDigits })`.
 */
export function formatNumber(n: number, decimals = 0): string {
	const fixed = rounded(Math.abs(n), decimals);
	const [whole = '', fraction = ''] = fixed.split('.');
	const kept = fraction.replace(/0+$/, '');
	const sign = n < 0 ? '-' : '';
	return `${sign}${grouped(whole)}${kept ? `.${kept}` : ''}`;
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;

/** "June 29, 2023" from "2023-06-29" (a calendar day, no time zone). */
export function formatDay(isoDay: string): string {
	const [year, month, day] = isoDay.split('-').map(Number);
	return `${MONTHS[month! - 1]} ${day}, ${year}`;
}

/** "Jun 29, 2023": a moment's day in the time zone this runs in (the person's, in a browser). */
export function formatShortDate(moment: Date): string {
	const month = MONTHS[moment.getMonth()]!.slice(0, 3);
	return `${month} ${moment.getDate()}, ${moment.getFullYear()}`;
}
