import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv } from './read-csv';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../../../tests/fixtures/${name}`, import.meta.url));

describe('parseCsv', () => {
	it('trims header names and numbers rows by the line they start on', () => {
		const csv = parseCsv('t.csv', '    a,b \n1,2\n"x\ny",3\n\n4,5\n');
		expect(csv.header).toEqual(['a', 'b']);
		expect(csv.rows).toEqual([
			{ line: 2, values: ['1', '2'] },
			{ line: 3, values: ['x\ny', '3'] },
			{ line: 6, values: ['4', '5'] }
		]);
	});
	it('names the file and line of a short row', () => {
		expect(() => parseCsv('t.csv', 'a,b\n1,2\n3\n')).toThrow(/^t\.csv:3: malformed CSV/);
	});
	it('names the file and line of an unclosed quote', () => {
		expect(() => parseCsv('t.csv', 'a,b\n1,2\n"3,4\n5,6\n')).toThrow(
			/^t\.csv:3: .*quote opened in this row is never closed/
		);
	});
	it('refuses an empty file', () => {
		expect(() => parseCsv('t.csv', '')).toThrow('t.csv: the file is empty');
	});
});

describe('readCsv', () => {
	it('decodes a Latin-1 file', async () => {
		const csv = await readCsv(fixture('OpioidTreatmentProgram_Geocoded-sample.csv'));
		expect(csv.rows.some((row) => row.values[0]?.startsWith('Clínica de Tratamiento'))).toBe(true);
	});
	it('reads gzip-compressed files', async () => {
		const csv = await readCsv(fixture('samhsa-service-codes-sample.csv.gz'));
		expect(csv.header[0]).toBe('service_code');
		expect(csv.rows.length).toBeGreaterThan(30);
	});
	it('names a file it cannot read', async () => {
		await expect(readCsv('/nonexistent/x.csv')).rejects.toThrow(/^x\.csv: cannot read/);
	});
});
