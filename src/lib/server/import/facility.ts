import { clean, orNull, street, zip5 } from './normalize';
import type { AdapterResult, FacilityRecord } from './types';

/** The fields every facility source has, as text from the row. */
export interface FacilityFields extends Omit<
	FacilityRecord,
	'file' | 'line' | 'name' | 'name2' | 'street1' | 'street2' | 'city' | 'state' | 'zip'
> {
	name: string;
	name2: string;
	street1: string;
	street2: string;
	city: string;
	state: string;
	zip: string;
}

/** Tidies and checks the fields shared by all facility formats. */
export function facility(
	file: string,
	line: number,
	fields: FacilityFields
): AdapterResult<FacilityRecord> {
	const name = clean(fields.name);
	if (name === '') return { rejected: 'no facility name' };
	const state = clean(fields.state).toUpperCase();
	if (!/^[A-Z]{2}$/.test(state)) return { rejected: `invalid state '${fields.state}'` };
	const zip = zip5(fields.zip);
	if (zip === null) return { rejected: `invalid ZIP '${fields.zip}'` };
	return {
		ok: {
			...fields,
			file,
			line,
			name,
			name2: orNull(fields.name2),
			street1: street(fields.street1),
			street2: orNull(street(fields.street2)),
			city: clean(fields.city),
			state,
			zip
		}
	};
}
