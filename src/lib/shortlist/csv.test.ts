import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from './csv';
import { decode } from './storage';
import { entry } from './test-storage';

describe('csvField', () => {
	test('quotes commas, quotes and line breaks', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a, b')).toBe('"a, b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
	});

	test('neutralises what a spreadsheet would run as a formula', () => {
		expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
		expect(csvField('+1')).toBe("'+1");
		expect(csvField('-2')).toBe("'-2");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('\t=1')).toBe("'\t=1");
		expect(csvField('a=b')).toBe('a=b');
	});
});

test('toCsv: a header, one row per program, CRLF, a BOM for Excel', () => {
	const entries = decode(
		JSON.stringify({
			version: 1,
			entries: [entry('aaaaaaaaaaaa', { note: '=cmd|calc, "really"', status: 'waitlist' })]
		})
	).entries;
	const csv = toCsv(entries, 'https://example.org');
	expect(csv.startsWith('\uFEFFProgram,Status,Note,')).toBe(true);
	const lines = csv.slice(1).split('\r\n');
	expect(lines).toHaveLength(3);
	expect(lines[2]).toBe('');
	expect(lines[1]).toBe(
		[
			'Program aaaaaaaaaaaa',
			'Waitlist',
			`"'=cmd|calc, ""really"""`,
			'2026-11-01',
			'508-555-0100',
			'1 Main St',
			'Worcester',
			'MA',
			'01608',
			'Buprenorphine',
			'1.2',
			'"ZIP 01608 (Worcester, MA)"',
			'https://example.org/facilities/aaaaaaaaaaaa'
		].join(',')
	);
});
