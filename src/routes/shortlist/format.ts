import { formatNumber, formatShortDate } from '$lib/format';

export function formatMiles(n: number): string {
	return `${formatNumber(n, 1)} mi`;
}

/** "Nov 22, 2026", in the person's own time zone (client-side only). */
export function formatDate(iso: string): string {
	return formatShortDate(new Date(iso));
}
