import type { Cells, Format } from './formats';
import { findTreatmentList } from './findtreatment';
import { parseLngLat } from './geo';
import { clean, zip5 } from './normalize';
import type { CsvFile } from './read-csv';
import type { AdapterResult, CoordinateRecord } from './types';

export const LOCATOR_LIST = 'samhsa-locator-2021';
export const OTP_LIST = 'samhsa-otp-directory';

type Fields = Omit<CoordinateRecord, 'list' | 'line' | 'location'> & {
	lng: string;
	lat: string;
};

// The locator list and FindTreatment.gov exports share these column names.
const locatorFields = (cells: Cells): Fields => ({
	name: cells('name1'),
	street1: cells('street1'),
	street2: cells('street2'),
	city: cells('city'),
	state: cells('state'),
	zip: cells('zip'),
	lng: cells('longitude'),
	lat: cells('latitude')
});

const READERS: Partial<Record<Format, (cells: Cells) => Fields>> = {
	'samhsa-locator': locatorFields,
	findtreatment: locatorFields,
	// The OTP directory has one address line and the program's name in its ID column.
	'otp-directory': (cells) => ({
		name: cells('ID'),
		street1: cells('ADDRESS'),
		street2: '',
		city: cells('CITY'),
		state: cells('STATE'),
		zip: cells('POSTAL'),
		lng: cells('Longitude'),
		lat: cells('Latitude')
	})
};

/** Row reader for a geocoded list; rows without usable coordinates or ZIP are skipped. */
export function coordinateAdapter(csv: CsvFile, format: Format) {
	const read = READERS[format];
	if (!read) throw new Error(`${format} is not a coordinate list`);
	const list =
		format === 'findtreatment'
			? findTreatmentList(csv.file)
			: format === 'otp-directory'
				? OTP_LIST
				: LOCATOR_LIST;

	return (line: number, cells: Cells): AdapterResult<CoordinateRecord> => {
		const fields = read(cells);
		const location = parseLngLat(fields.lng, fields.lat);
		if ('rejected' in location) return location;
		// The geocoded lists lost leading zeros ('2150') and some carry ZIP+4.
		const zip = zip5(fields.zip);
		if (zip === null) return { rejected: `invalid ZIP '${fields.zip}'` };
		return {
			ok: {
				list,
				line,
				name: clean(fields.name),
				street1: clean(fields.street1),
				street2: clean(fields.street2),
				city: clean(fields.city),
				state: clean(fields.state).toUpperCase(),
				zip,
				location: location.ok
			}
		};
	};
}
