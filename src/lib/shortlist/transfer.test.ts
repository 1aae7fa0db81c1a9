import { describe, expect, test } from 'vitest';
import { fromListFile, toListFile } from './transfer';
import { entry } from './test-storage';
import type { Entry, List } from './schema';

const NOW = '2026-11-22T15:00:00.000Z';
const list: List = {
	id: 'list-2',
	name: 'Client B',
	createdAt: NOW,
	entries: [entry('aaaaaaaaaaaa', { note: 'Ask for Dana', status: 'called' }) as Entry]
};
const file = (changes: Record<string, unknown> = {}) =>
	JSON.stringify({ ...JSON.parse(toListFile(list, NOW)), ...changes });
const error = (text: string) => {
	const read = fromListFile(text);
	if (read.ok) throw new Error('accepted');
	return read.error;
};

describe('list files', () => {
	test('round-trip a list with its notes and status, without its device id', () => {
		const text = toListFile(list, NOW);
		expect(JSON.parse(text)).toMatchObject({ format: 'mat-locator-list', version: 1 });
		expect(text).not.toContain('list-2');
		expect(fromListFile(text)).toEqual({ ok: true, name: 'Client B', entries: list.entries });
	});

	test('bad files are refused with the reason', () => {
		expect(error('{"format":')).toMatch(/not JSON/);
		expect(error('[1,2]')).toMatch(/"format" is not "mat-locator-list"/);
		expect(error(file({ format: 'csv' }))).toMatch(/"format" is not "mat-locator-list"/);
		expect(error(file({ version: 'one' }))).toMatch(/"version" is missing or not a number/);
		expect(error(file({ version: 7 }))).toMatch(/newer version of MAT Locator \(file version 7\)/);
		expect(error(file({ list: undefined }))).toMatch(/"list": is missing/);
		expect(error(file({ list: { name: '  ', entries: [] } }))).toMatch(/"list.name": is empty/);
		expect(error(file({ list: { name: 'A', entries: {} } }))).toMatch(
			/"list.entries": is not a list of programs/
		);
		const bad = [list.entries[0], { ...list.entries[0], id: 'NOT AN ID' }];
		expect(error(file({ list: { name: 'A', entries: bad } }))).toMatch(/program 2 \(id\): /);
		const twice = [list.entries[0], list.entries[0]];
		expect(error(file({ list: { name: 'A', entries: twice } }))).toMatch(/appears twice/);
		const many = Array.from({ length: 51 }, (_, i) => ({
			...list.entries[0],
			id: i.toString(16).padStart(12, '0')
		}));
		expect(error(file({ list: { name: 'A', entries: many } }))).toMatch(/more than 50 programs/);
		expect(error('x'.repeat(1_000_001))).toMatch(/too large/);
	});
});
