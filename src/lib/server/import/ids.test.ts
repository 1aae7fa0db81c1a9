import { describe, expect, it } from 'vitest';
import { assignIds } from './ids';
import { testFacility } from './test-records';

describe('assignIds', () => {
	it('derives ids from content, not from row order', () => {
		const a = testFacility({ name: 'A' });
		const b = testFacility({ name: 'B' });
		const first = assignIds([a, b]).records.map((r) => [r.name, r.id] as const);
		const second = assignIds([b, a]).records.map((r) => [r.name, r.id] as const);
		expect(new Map(first)).toEqual(new Map(second));
		expect(first[0]?.[1]).toMatch(/^[0-9a-f]{12}$/);
	});
	it('ignores case, spacing and punctuation in the identifying fields', () => {
		const [a] = assignIds([testFacility({ name: 'Hope Center, Inc.' })]).records;
		const [b] = assignIds([testFacility({ name: 'hope center inc' })]).records;
		expect(a?.id).toBe(b?.id);
	});
	it('merges rows whose content is equal', () => {
		const row = testFacility({ line: 2 });
		const { records, merged } = assignIds([row, { ...row, line: 3 }]);
		expect(records).toHaveLength(1);
		expect(merged.map((r) => r.line)).toEqual([3]);
	});
	it('keeps listings with the same name and address apart, deterministically', () => {
		const plain = testFacility({});
		const suite = testFacility({ street2: 'Suite 200' });
		const services = testFacility({ street2: 'Suite 200', services: ['BU'] });
		const once = assignIds([plain, suite, services]).records.map((r) => r.id);
		const again = assignIds([services, plain, suite]).records.map((r) => r.id);
		expect(new Set(once).size).toBe(3);
		expect(new Set(again)).toEqual(new Set(once));
	});
});
