import { expect, test } from 'vitest';
import { compareRows } from './compare';

test('rows come from the filter groups, listed services only, with differences marked', () => {
	const sections = compareRows([
		{ services: ['MU', 'MM', 'OTP', 'BU', 'NU', 'UN', 'ICO', 'MD', 'SP'] },
		{ services: ['BU', 'UB', 'ICO', 'MD'] }
	]);
	expect(sections.map((s) => s.label)).toEqual([
		'Medications',
		'Counseling',
		'Family support',
		'Licenses and accreditation',
		'Payment',
		'Languages',
		'Setting'
	]);
	const medications = sections[0]!;
	const row = (label: string) => medications.rows.find((r) => r.label === label);
	expect(row('Methadone maintenance')).toEqual({
		label: 'Methadone maintenance',
		cells: [true, false],
		differs: true
	});
	expect(row('Prescribes or dispenses buprenorphine')).toEqual({
		label: 'Prescribes or dispenses buprenorphine',
		cells: [true, true],
		differs: false
	});
	expect(row('Offers all three medications')?.cells).toEqual([true, false]);
	// Options neither lists are counted, not shown.
	expect(row('Naltrexone pill')).toBeUndefined();
	expect(medications.rows).toHaveLength(5);
	expect(medications.unlisted).toBe(10);
	expect(sections[1]!.rows).toEqual([
		{ label: 'Individual counseling', cells: [true, true], differs: false }
	]);
	expect(sections[5]!.rows.map((r) => r.label)).toEqual(['Spanish']);
	expect(sections[6]!.rows).toEqual([]);
});
