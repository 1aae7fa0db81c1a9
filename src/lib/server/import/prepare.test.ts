import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareImport } from './prepare';
import type { ImportSources } from './sources';

const fixture = (name: string) =>
	fileURLToPath(new URL(`../../../../tests/fixtures/${name}`, import.meta.url));

const coordinates = [
	fixture('SubstanceUseTreatment_Geocoded-sample.csv'),
	fixture('OpioidTreatmentProgram_Geocoded-sample.csv'),
	fixture('FindTreatment_Facility_listing_2025_08_19_sample.csv')
];
const sources = (...facilities: string[]): ImportSources => ({
	facilities: facilities.map(fixture),
	coordinates,
	serviceCodes: fixture('samhsa-service-codes-sample.csv.gz')
});

describe('prepareImport on the fixtures', () => {
	it('places every row of the national sample and accounts for each', async () => {
		const { summary, facilities } = await prepareImport(sources('nsumhss-2023-sample.csv'));
		expect(summary).toMatchObject({ sourceRows: 40, imported: 40, merged: 0, rejected: 0 });
		expect(summary.byLocationSource).toEqual({
			'samhsa-locator-2021': 24,
			'zip-centroid': 8,
			'samhsa-otp-directory': 4,
			'findtreatment-2025': 4
		});
		expect(summary.byMatchRule).toEqual({
			'street+zip': 26,
			'name+zip+number': 3,
			'street+city': 3
		});
		expect(summary.precision).toEqual({ address: 32, zip: 8 });
		// The 2021 locator put one Montana program 229 km from its ZIP: not trusted.
		expect(summary.notes).toEqual([
			expect.objectContaining({ line: 25, reason: expect.stringMatching(/229 km from ZIP 59524/) })
		]);
		expect(summary.coordinateLists.map((l) => [l.list, l.usable, l.skipped])).toEqual([
			['samhsa-locator-2021', 35, 2],
			['samhsa-otp-directory', 13, 0],
			['findtreatment-2025', 26, 1]
		]);
		const pr = facilities.find((f) => f.state === 'PR');
		expect(pr?.zip).toMatch(/^00\d{3}$/);
		expect(summary.serviceCodes).toBeGreaterThan(30);
	});

	it('imports only the substance-use rows of a FindTreatment.gov export', async () => {
		const { summary, facilities } = await prepareImport(
			sources('FindTreatment_Facility_listing_2025_08_19_sample.csv')
		);
		expect(summary).toMatchObject({ sourceRows: 27, imported: 17, merged: 0, rejected: 10 });
		expect(summary.rejections.every((r) => /type_facility 'MH'/.test(r.reason))).toBe(true);
		const lost = facilities.find((f) => f.line === 28);
		expect(lost).toMatchObject({ precision: 'zip', locationSource: 'zip-centroid' });
		expect(summary.notes).toEqual([
			expect.objectContaining({ line: 28, reason: expect.stringMatching(/outside the US/) })
		]);
		const placed = facilities.filter((f) => f.line !== 28);
		expect(placed.every((f) => f.locationSource === 'findtreatment-2025')).toBe(true);
		expect(facilities.every((f) => f.sourceDate === '2025-08-19')).toBe(true);
		expect(facilities.every((f) => f.services.every((c) => c === c.toUpperCase()))).toBe(true);
		expect(facilities.every((f) => f.website?.startsWith('http'))).toBe(true);
	});

	it('merges exact duplicates and rejects rows it cannot use, with their lines', async () => {
		const { summary, facilities } = await prepareImport(sources('nsumhss-2023-edge-cases.csv'));
		expect(summary).toMatchObject({ sourceRows: 8, imported: 4, merged: 1, rejected: 3 });
		expect(summary.rejections).toEqual([
			expect.objectContaining({ line: 7, reason: expect.stringMatching(/ZIP 99999 is not in/) }),
			{ file: 'nsumhss-2023-edge-cases.csv', line: 8, reason: "invalid ZIP 'ABCDE'" },
			{ file: 'nsumhss-2023-edge-cases.csv', line: 9, reason: 'no facility name' }
		]);
		// Lines 3 and 6 share name and address but list different services.
		const [b, bOther] = [3, 6].map((line) => facilities.find((f) => f.line === line));
		expect(b?.id).toBeDefined();
		expect(bOther?.id).toBeDefined();
		expect(b?.id).not.toBe(bOther?.id);
	});

	it('gives the same ids on every run', async () => {
		const once = await prepareImport(sources('nsumhss-2023-sample.csv'));
		const again = await prepareImport(sources('nsumhss-2023-sample.csv'));
		expect(again.facilities.map((f) => f.id)).toEqual(once.facilities.map((f) => f.id));
	});

	it.each([
		['nsumhss-2023-wrong-columns.csv', /missing: Zip, Service_code_info/],
		['nsumhss-2023-truncated.csv', /^nsumhss-2023-truncated\.csv:7: malformed CSV/],
		[
			'nsumhss-2023-unbalanced-quote.csv',
			/^nsumhss-2023-unbalanced-quote\.csv:4: .*quote opened in this row is never closed/
		]
	])('refuses %s with a message naming the file', async (file, message) => {
		await expect(prepareImport(sources(file))).rejects.toThrow(message);
	});
});
