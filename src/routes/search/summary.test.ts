import { describe, expect, it } from 'vitest';
import { FILTER_GROUPS } from '$lib/filters';
import { searchSummary } from './summary';

const groups = FILTER_GROUPS;

describe('searchSummary', () => {
	it('names the medication, the place and the radius', () => {
		expect(
			searchSummary({
				groups,
				selection: { medication: ['buprenorphine'] },
				place: 'Worcester, MA',
				radius: 25
			})
		).toBe('Buprenorphine · Worcester, MA · 25 mi');
	});

	it('counts the other filters, leaves out the scope, and has no radius nationwide', () => {
		expect(
			searchSummary({
				groups,
				selection: { counseling: ['group', 'individual'], scope: ['all'], medication: ['otp'] },
				place: null,
				radius: 25
			})
		).toBe('Federally certified opioid treatment program (OTP) · 2 more filters · Nationwide');
		expect(searchSummary({ groups, selection: {}, place: 'ZIP 01608', radius: 10 })).toBe(
			'ZIP 01608 · 10 mi'
		);
	});
});
