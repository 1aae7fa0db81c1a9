// A shortlist as an earlier visit would have stored it (format v1, which the app migrates), for
// tests that start from saved programs without clicking Save.
export const SHORTLIST_KEY = 'mat-locator:shortlist';

const SAVED_AT = '2026-11-01T10:00:00.000Z';

/** The stored value for these programs; `extra[i]` overrides fields of the i-th entry. */
export function storedShortlist(
	programs: readonly Record<string, unknown>[],
	extra: readonly Record<string, unknown>[] = []
): string {
	const entries = programs.map((p, i) => ({
		phones: ['508-555-0100'],
		medications: ['buprenorphine'],
		note: '',
		status: 'to-call',
		savedAt: SAVED_AT,
		updatedAt: SAVED_AT,
		...p,
		...extra[i]
	}));
	return JSON.stringify({ version: 1, entries });
}
