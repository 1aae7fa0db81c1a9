import { describe, expect, it } from 'vitest';
import { medicationForms, programFacts } from './summary';

describe('program facts', () => {
	it('names payment, ages, languages and setting in the filters’ words', () => {
		const facts = programFacts(
			new Set(['MD', 'SS', 'NP', 'ADLT', 'FEM', 'SP', 'FX', 'OP', 'TELE'])
		);
		expect(facts.payment).toEqual(['Medicaid', 'Sliding fee scale', 'No payment accepted (free)']);
		expect(facts.ages).toEqual(['Adults (26–64)']);
		expect(facts.genders).toEqual(['Women']);
		expect(facts.languages).toEqual(['Spanish', 'Other languages']);
		expect(facts.settings).toEqual(['Outpatient']);
		expect(facts.telehealth).toBe(true);
	});

	it('leaves what the codes do not say empty', () => {
		const facts = programFacts(new Set(['MU']));
		expect(facts).toEqual({
			payment: [],
			ages: [],
			genders: [],
			languages: [],
			settings: [],
			telehealth: false
		});
	});
});

describe('medication forms', () => {
	it('lists a form only where its code says so, for a medication listed', () => {
		expect(medicationForms(new Set(['BU', 'UB', 'BERI', 'NU', 'VTRL', 'NXN']))).toEqual([
			{ medication: 'buprenorphine', forms: ['prescribed here', 'extended-release injection'] },
			{ medication: 'naltrexone', forms: ['pill', 'monthly extended-release injection'] }
		]);
		// An OTP code without methadone listed says nothing about methadone.
		expect(medicationForms(new Set(['OTP']))).toEqual([]);
	});
});
