// For tests: every program of the raw 2023 directory file, read with csv-parse and not with the
// importer, so that oracles stay independent of the app's own reading of it.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export interface RawRow {
	Name1: string;
	Name2: string;
	Service_code_info: string;
}

export function rawDirectoryRows(): RawRow[] {
	const file = new URL(
		'../../db/data/national-directory-su-facilities-2023_facilities-list.csv.gz',
		import.meta.url
	);
	return parse(gunzipSync(readFileSync(file)), { columns: true, bom: true });
}
