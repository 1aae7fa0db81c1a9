import type { Cells, Format } from './formats';
import { findTreatmentList } from './findtreatment';
import { parseLngLat } from './geo';
import { clean, zip5 } from './normalize';
import { SourceFileError, type CsvFile } from './read-csv';
import type { AdapterResult, CoordinateRecord } from './types';

export const LOCATOR_LIST = 'samhsa-locator-2021';
export const OTP_LIST = 'samhsa-otp-directory';

type Fields = Omit<CoordinateRecord, 'list' | 'line' | 'location'> & {
	lng: string;
	lat: string;
};

interface CoordinateColumns {
	lng: string;
	lat: string;
}
const LOCATOR_COLUMNS: CoordinateColumns = { lng: 'longitude', lat: 'latitude' };
const OTP_COLUMNS: CoordinateColumns = { lng: 'Longitude', lat: 'Latitude' };
const COLUMNS: Partial<Record<Format, CoordinateColumns>> = {
	'samhsa-locator': LOCATOR_COLUMNS,
	findtreatment: LOCATOR_COLUMNS,
	'otp-directory': OTP_COLUMNS
};

// The locator list and FindTreatment.gov exports share these column names.
const locatorFields = (cells: Cells): Fields => ({
	name: cells('name1'),
	street1: cells('street1'),
	street2: cells('street2'),
	city: cells('city'),
	state: cells('state'),
	zip: cells('zip'),
	lng: cells(LOCATOR_COLUMNS.lng),
	lat: cells(LOCATOR_COLUMNS.lat)
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
		lng: cells(OTP_COLUMNS.lng),
		lat: cells(OTP_COLUMNS.lat)
	})
};

/** Row reader for a geocoded list; rows without usable coordinates or ZIP are skipped. */
export function coordinateAdapter(csv: CsvFile, format: Format) {
	const read = READERS[format];
	const columns = COLUMNS[format];
	if (!read || !columns) throw new Error(`${format} is not a coordinate list`);
	const list =
		format === 'findtreatment'
			? findTreatmentList(csv.file)
			: format === 'otp-directory'
				? OTP_LIST
				: LOCATOR_LIST;

	return (line: number, cells: Cells): AdapterResult<CoordinateRecord> => {
		const fields = read(cells);
		checkCoordinates(csv.file, line, fields, columns);
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

/**
 * A blank coordinate is a program the list could not place, and a point outside the US (or with
 * latitude and longitude swapped) a geocoding slip: those only skip the row. A value that is no
 * coordinate at all, text or beyond ±180, means the file itself is damaged (shifted columns, a bad
 * export), so the import stops there.
 */
function checkCoordinates(
	file: string,
	line: number,
	fields: Fields,
	columns: CoordinateColumns
): void {
	for (const axis of ['lat', 'lng'] as const) {
		const text = fields[axis].trim();
		if (text === '' || Math.abs(Number(text)) <= 180) continue;
		const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
		throw new SourceFileError(
			`${file}:${line}: column ${columns[axis]}: '${shown}' is not a coordinate (-180 to 180)`
		);
	}
}
