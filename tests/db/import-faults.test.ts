import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/connect';
import type { DB } from '../../src/lib/server/db/schema';
import { importSources, type ImportSources } from '../../src/lib/server/import/index';
import { backends } from './backends';

// A damaged source file stops the import before anything is written: the message says which file
// and which line (and column) to look at, and every table an import writes stays as it was.

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const SAMPLE = fixture('nsumhss-2023-sample.csv');
const LOCATOR = fixture('SubstanceUseTreatment_Geocoded-sample.csv');
const OTP = fixture('OpioidTreatmentProgram_Geocoded-sample.csv');

let dir: string;
const sources = (facility: string, coordinates = [LOCATOR, OTP]): ImportSources => ({
	facilities: [facility],
	coordinates,
	serviceCodes: fixture('samhsa-service-codes-sample.csv.gz')
});

/** Writes a damaged copy of a source into the test's temp directory. */
async function damaged(name: string, bytes: Buffer | string): Promise<string> {
	const file = path.join(dir, name);
	await writeFile(file, bytes);
	return file;
}

/** The CSV text with one cell replaced: `line` 1-based, `column` by header name. */
async function withCell(file: string, line: number, column: string, value: string) {
	const lines = (await readFile(file, 'utf8')).split('\n');
	const index = (lines[0] ?? '').split(',').indexOf(column);
	const cells = (lines[line - 1] ?? '').split(',');
	cells[index] = value;
	lines[line - 1] = cells.join(',');
	return lines.join('\n');
}

/** Every row an import writes, to compare before and after a failed one. */
async function snapshot(db: Kysely<DB>) {
	const rows = (table: string) =>
		sql
			.raw(`select * from ${table} order by 1`)
			.execute(db)
			.then((r) => r.rows);
	return {
		facility: await rows('facility'),
		search: await rows('facility_search'),
		runs: await rows('import_run'),
		codes: await rows('service_code')
	};
}

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'mat-import-faults-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

// [what, the sources to import (built in the temp dir), the error the import must fail with]
const faults: [string, () => Promise<ImportSources>, RegExp][] = [
	[
		'a truncated .gz',
		async () => {
			const gz = gzipSync(await readFile(SAMPLE));
			return sources(await damaged('sample-cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2))));
		},
		/^sample-cut\.csv\.gz:([2-9]|[1-3]\d): truncated or corrupt gzip data \(unexpected end of file\)/
	],
	[
		'corrupt gzip bytes',
		async () => {
			const gz = gzipSync(await readFile(SAMPLE));
			// Garbage over the middle of the deflate stream: a stored length or code breaks there.
			const middle = Math.floor(gz.length / 2);
			gz.fill(0xff, middle, middle + 64);
			return sources(await damaged('sample-corrupt.csv.gz', gz));
		},
		/^sample-corrupt\.csv\.gz:\d+: truncated or corrupt gzip data \(.+\)/
	],
	[
		'a file that is not gzip at all',
		async () => sources(await damaged('not-gzip.csv.gz', await readFile(SAMPLE))),
		/^not-gzip\.csv\.gz:1: truncated or corrupt gzip data \(incorrect header check\)/
	],
	[
		'missing required columns',
		async () => sources(fixture('nsumhss-2023-wrong-columns.csv')),
		/^nsumhss-2023-wrong-columns\.csv:1: unrecognised columns .*missing: Zip, Service_code_info/
	],
	[
		'a record cut off in the middle',
		async () => sources(fixture('nsumhss-2023-truncated.csv')),
		/^nsumhss-2023-truncated\.csv:7: malformed CSV/
	],
	[
		'a quote that is never closed',
		async () => sources(fixture('nsumhss-2023-unbalanced-quote.csv')),
		/^nsumhss-2023-unbalanced-quote\.csv:4: .*never closed/
	],
	[
		'NaN as a latitude in a coordinate list',
		async () => {
			const text = await withCell(LOCATOR, 5, 'latitude', 'NaN');
			return sources(SAMPLE, [await damaged('locator-nan.csv', text), OTP]);
		},
		/^locator-nan\.csv:5: column latitude: 'NaN' is not a coordinate/
	],
	[
		'a longitude out of range in a coordinate list',
		async () => {
			const text = await withCell(OTP, 3, 'Longitude', '-1180.5');
			return sources(SAMPLE, [LOCATOR, await damaged('otp-range.csv', text)]);
		},
		/^otp-range\.csv:3: column Longitude: '-1180\.5' is not a coordinate/
	]
];

describe.each(backends)('a failed import on $name', (backend) => {
	let database: Database;
	let db: Kysely<DB>;

	beforeAll(async () => {
		database = await backend.open();
		db = database.db;
		await importSources(db, sources(SAMPLE));
	});
	afterAll(async () => {
		await database?.close();
	});

	it.each(faults)('refuses %s, names where, and changes nothing', async (_, build, message) => {
		const before = await snapshot(db);
		expect(before.facility.length).toBeGreaterThan(0);
		await expect(importSources(db, await build())).rejects.toThrow(message);
		expect(await snapshot(db)).toEqual(before);
	});
});
