// Cleaning of source text: what is stored (tidy, but as SAMHSA wrote it) and the keys used to
// compare addresses across lists (lossy, never stored).

/** Trims and collapses runs of whitespace (some names carry trailing or doubled spaces). */
export function clean(value: string): string {
	return value.replace(/\s+/g, ' ').trim();
}

export function orNull(value: string): string | null {
	const cleaned = clean(value);
	return cleaned === '' ? null : cleaned;
}

/**
 * Five-digit ZIP from a ZIP, ZIP+4 or a ZIP that lost its leading zeros in a spreadsheet
 * ('2150' is 02150); null when it cannot be one.
 */
export function zip5(value: string): string | null {
	const digits = value.trim().replace(/-\d{4}$/, '');
	if (!/^\d{3,5}$/.test(digits) && !/^\d{9}$/.test(digits)) return null;
	return digits.slice(0, 5).padStart(5, '0');
}

/** A street is a placeholder ('- - -') when it has no letter or digit: stored as ''. */
export function street(value: string): string {
	const cleaned = clean(value);
	return /[a-z0-9]/i.test(cleaned) ? cleaned : '';
}

/** Non-empty, distinct phone numbers in their first order. */
export function phones(values: string[]): string[] {
	return [...new Set(values.map(clean).filter((v) => v !== ''))];
}

/** Service codes from 'SA DT * OP OD * ...': upper case, category separators dropped. */
export function serviceCodes(info: string): string[] {
	const codes = info
		.split(/\s+/)
		.filter((token) => token !== '' && token !== '*')
		.map((token) => token.toUpperCase());
	return [...new Set(codes)];
}

/** A website as a URL, or null; bare host names get https:// so links work. */
export function website(value: string): string | null {
	const cleaned = value.trim();
	if (cleaned === '') return null;
	const url = /^https?:\/\//i.test(cleaned) ? cleaned : `https://${cleaned}`;
	return URL.canParse(url) ? url : null;
}
