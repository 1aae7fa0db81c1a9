import type { FacilityRecord } from './types';

/** A facility record for tests, with fields overridden as needed. */
export function testFacility(fields: Partial<FacilityRecord> = {}): FacilityRecord {
	return {
		file: 'f.csv',
		line: 2,
		name: 'Hope Center',
		name2: null,
		street1: '100 North Main Street',
		street2: null,
		city: 'Springfield',
		state: 'IL',
		zip: '62701',
		phone: null,
		intakePhones: [],
		website: null,
		services: [],
		source: 'test',
		sourceDate: '2023-06-29',
		location: null,
		locationList: null,
		locationNote: null,
		...fields
	};
}
