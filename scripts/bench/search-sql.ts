import type { CompiledQuery } from 'kysely';
import { selectedGroups, type FilterSelection } from '../../src/lib/filters';
import * as facilities from '../../src/lib/server/db/facilities';
import type { LngLat } from '../../src/lib/server/db/postgis';

// The SQL that facilities.search sends, compiled by the app's own query module rather than
// written again here, so the plans are those of the real query. Compiling reads nothing.

export interface SearchSpec {
	center?: LngLat;
	radiusMiles: number;
	filters: FilterSelection;
	limit: number;
	offset: number;
}

/** The statements facilities.search sends for this search, as the app compiles them. */
export function searchStatements(spec: SearchSpec): CompiledQuery[] {
	return facilities.searchStatements({ ...spec, groups: selectedGroups(spec.filters) });
}
