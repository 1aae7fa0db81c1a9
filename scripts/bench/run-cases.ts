// Times each search through facilities.search (what the API runs, count query included) and the
// naive baseline on the same centers, checking that both find the same programs.
import type { Kysely } from 'kysely';
import type { DB } from '../../src/lib/server/db/schema';
import { CASES, PAGE, type Center, type SearchCase } from './cases';
import { percentile, sample } from './measure';
import { naiveSearch } from './naive';
import type { CaseResult, WorkerOptions } from './results';

type Options = Pick<WorkerOptions, 'runs' | 'warmup' | 'naiveRuns'>;

/** Where a case is centered: every center, or once with no place. */
export function placesFor(c: SearchCase, centers: readonly Center[]): (Center | undefined)[] {
	return c.radiusMiles === null ? [undefined] : [...centers];
}

export async function timeCases(
	db: Kysely<DB>,
	centers: readonly Center[],
	options: Options,
	log: (message: string) => void
): Promise<CaseResult[]> {
	// Imported here, after the worker has pointed the app's database module at the bench data.
	const facilities = await import('../../src/lib/server/db/facilities');
	const results: CaseResult[] = [];
	for (const c of CASES) {
		const places = placesFor(c, centers);
		const search = (center: Center | undefined) =>
			facilities.search({
				center: center && { lng: center.lng, lat: center.lat },
				radiusMiles: c.radiusMiles ?? 0,
				groups: c.groups,
				...PAGE
			});
		const expected: { total: number; ids: string }[] = [];
		for (const center of places) {
			const { items, total } = await search(center);
			expected.push({ total, ids: items.map((r) => r.id).join() });
		}
		const indexed = await sample(
			{ warmup: options.warmup, runs: options.runs, budgetMs: 60_000, minRuns: 20 },
			(i) => search(places[i % places.length])
		);

		const disagreements = new Set<string>();
		// A naive run over a million programs takes a minute: time-boxed, and only for the
		// issue's own searches.
		const naive =
			options.naiveRuns > 0 && c.required
				? await sample(
						{ warmup: 0, runs: options.naiveRuns, budgetMs: 20_000, minRuns: 1 },
						async (i) => {
							const at = i % places.length;
							const got = await naiveSearch(db, c, places[at]);
							const want = expected[at]!;
							const samePage = got.ids.join() === want.ids;
							if (got.total !== want.total || !samePage) {
								disagreements.add(
									`${places[at]?.state ?? 'national'}: naive ${got.total}, indexed ${want.total}` +
										(samePage ? '' : ', first page differs')
								);
							}
						}
					)
				: null;

		const totals = expected.map((e) => e.total).sort((a, b) => a - b);
		const ratio = naive ? naive.p50 / indexed.p50 : null;
		results.push({
			key: c.key,
			required: c.required,
			indexed,
			naive,
			ratio,
			matches: percentile(totals, 50),
			disagreements: [...disagreements]
		});
		log(
			`${c.key}: p50 ${indexed.p50.toFixed(2)} ms` +
				(naive ? `, naive p50 ${naive.p50.toFixed(0)} ms` : '')
		);
	}
	return results;
}
