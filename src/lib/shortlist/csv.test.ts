import { expect, test } from 'vitest';
import { toCsv } from './csv';
import { decode } from './storage';
import { entry } from './test-storage';

test('toCsv: a header, one row per program, CRLF, a BOM for Excel', () => {
	const entries = decode(
		JSON.stringify({
			version: 1,
			entries: [entry('aaaaaaaaaaaa', { note: '=cmd|calc, "really"', status: 'waitlist' })]
		})
	).lists[0]!.entries;
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
