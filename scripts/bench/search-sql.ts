import type { CompiledQuery, QueryResult } from 'kysely';
import { selectedGroups, type FilterSelection } from '../../src/lib/filters';
import { db } from '../../src/lib/server/db/index';
import * as facilities from '../../src/lib/server/db/facilities';
import type { LngLat } from '../../src/lib/server/db/postgis';

// The SQL that facilities.search sends, taken from the app's own Kysely instance rather than
// written again here, so the plans are those of the real query. The query builders are private
// to the module; its statements are caught on their way to the database instead, and answered
// with an empty result, so nothing is read or needs to exist.

export interface SearchSpec {
	center?: LngLat;
	radiusMiles: number;
	filters: FilterSelection;
	limit: number;
	offset: number;
}

export interface SearchStatements {
	/** The page of rows. */
	rows: CompiledQuery;
	/** The total. */
	count: CompiledQuery;
}

export async function searchStatements(spec: SearchSpec): Promise<SearchStatements> {
	const executor = db.getExecutor();
	const original = executor.executeQuery;
	const caught: CompiledQuery[] = [];
	executor.executeQuery = async <R>(compiled: CompiledQuery<R>): Promise<QueryResult<R>> => {
		caught.push(compiled);
		return { rows: [{ n: 0 } as R] };
	};
	try {
		await facilities.search({ ...spec, groups: selectedGroups(spec.filters) });
	} finally {
		executor.executeQuery = original;
	}
	const count = caught.find((c) => /\bcount\(\*\)/.test(c.sql));
	const rows = caught.find((c) => c !== count);
	if (!rows || !count || caught.length !== 2) {
		throw new Error(
			`facilities.search sent ${caught.length} statements; expected a page and a count`
		);
	}
	return { rows, count };
}
