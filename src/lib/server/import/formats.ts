import { SourceFileError, type CsvFile } from './read-csv';

export type FormatId = 'nsumhss-2023' | 'findtreatment' | 'samhsa-locator' | 'otp-directory';
export type Format = FormatId | 'service-codes';

/** What a file of each format can be used for. */
export type Role = 'facilities' | 'coordinates' | 'service-codes';

interface FormatSpec {
	label: string;
	roles: Role[];
	/** Column names, compared case-insensitively after trimming. */
	columns: string[];
}

export const FORMATS: Record<Format, FormatSpec> = {
	'nsumhss-2023': {
		label: 'N-SUMHSS national directory',
		roles: ['facilities'],
		columns: [
			'Name1',
			'Name2',
			'Street1',
			'Street2',
			'City',
			'State',
			'Zip',
			'Phone',
			'Intake1',
			'Intake2',
			'Intake1a',
			'Intake2a',
			'Service_code_info'
		]
	},
	findtreatment: {
		label: 'FindTreatment.gov facility export',
		roles: ['facilities', 'coordinates'],
		columns: [
			'name1',
			'name2',
			'street1',
			'street2',
			'city',
			'state',
			'zip',
			'phone',
			'intake1',
			'intake2',
			'website',
			'latitude',
			'longitude',
			'type_facility'
		]
	},
	'samhsa-locator': {
		label: 'SAMHSA locator geocoded list',
		roles: ['coordinates'],
		columns: [
			'name1',
			'name2',
			'street1',
			'street2',
			'city',
			'state',
			'zip',
			'zip4',
			'county',
			'latitude',
			'longitude'
		]
	},
	'otp-directory': {
		label: 'SAMHSA OTP directory (geocoded)',
		roles: ['coordinates'],
		columns: ['ID', 'ADDRESS', 'CITY', 'STATE', 'POSTAL', 'Latitude', 'Longitude']
	},
	'service-codes': {
		label: 'SAMHSA service-code dictionary',
		roles: ['service-codes'],
		columns: [
			'service_code',
			'category_code',
			'category_name',
			'service_name',
			'service_description',
			'source'
		]
	}
};

/**
 * Tells the format from the header. Formats overlap (a FindTreatment export has every column of
 * the locator list), so the most specific complete match wins; with none, the error names the
 * closest format and the columns it lacks.
 */
export function detectFormat(csv: CsvFile, role: Role): Format {
	const present = new Set(csv.header.map((column) => column.toLowerCase()));
	const ranked = (Object.keys(FORMATS) as Format[])
		.map((format) => {
			const missing = FORMATS[format].columns.filter((c) => !present.has(c.toLowerCase()));
			return { format, missing, found: FORMATS[format].columns.length - missing.length };
		})
		.sort((a, b) => a.missing.length - b.missing.length || b.found - a.found);
	const complete = ranked.filter((r) => r.missing.length === 0).map((r) => r.format);
	const usable = complete.find((format) => FORMATS[format].roles.includes(role));
	if (usable) return usable;

	const [complete0] = complete;
	if (complete0) {
		throw new SourceFileError(
			`${csv.file}:1: is a ${FORMATS[complete0].label}, which cannot be used as ${role}`
		);
	}
	const closest = ranked.find((r) => FORMATS[r.format].roles.includes(role)) ?? ranked[0];
	const spec = closest && FORMATS[closest.format];
	throw new SourceFileError(
		`${csv.file}:1: unrecognised columns for ${role}` +
			(spec ? `; closest format is ${spec.label}, missing: ${closest.missing.join(', ')}` : '')
	);
}

/** Reads cells by column name; the names were checked by detectFormat. */
export type Cells = (column: string) => string;

export function cellReader(csv: CsvFile): (values: string[]) => Cells {
	const index = new Map(csv.header.map((column, i) => [column.toLowerCase(), i]));
	return (values) => (column) => (values[index.get(column.toLowerCase()) ?? -1] ?? '').trim();
}
