const miles = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatMiles(n: number): string {
	return `${miles.format(n)} mi`;
}

/** "Nov 22, 2026", in the person's own time zone (client-side only). */
export function formatDate(iso: string): string {
	return new Date(iso).toLocaleDateString('en-US', { dateStyle: 'medium' });
}
