import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { categoriesClaiming, categoryOf, SERVICE_CATEGORIES } from './categories';

const file = new URL('../../../db/data/samhsa-service-codes.csv.gz', import.meta.url);
const rows: Record<string, string>[] = parse(gunzipSync(readFileSync(file)), { columns: true });
const dictionary = rows.map((r) => ({ code: r.service_code!, category: r.category_code! }));

describe('service categories', () => {
	it('reads the whole vendored dictionary', () => {
		expect(dictionary.length).toBeGreaterThan(300);
	});

	it('puts every code of the dictionary in exactly one group', () => {
		const strays = dictionary
			.map((d) => ({ ...d, groups: categoriesClaiming(d.code, d.category).map((c) => c.id) }))
			.filter((d) => d.groups.length !== 1);
		expect(strays).toEqual([]);
	});

	it('moves the codes whose survey heading would mislead', () => {
		expect(categoryOf('TELE', 'TAP').id).toBe('setting');
		expect(categoryOf('CBT', 'TAP').id).toBe('counseling');
	});

	it('shows a code the dictionary does not know under Other', () => {
		expect(categoryOf('ZZZ', null).id).toBe('other');
	});

	it('names each group once', () => {
		const labels = SERVICE_CATEGORIES.map((c) => c.label);
		expect(new Set(labels).size).toBe(labels.length);
	});
});
