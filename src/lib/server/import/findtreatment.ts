import { SourceFileError, type CsvFile } from './read-csv';
import type { Cells } from './formats';
import { facility } from './facility';
import { parseLngLat } from './geo';
import { phones, website } from './normalize';
import type { AdapterResult, FacilityRecord } from './types';

export const FINDTREATMENT_SOURCE = 'FindTreatment.gov facility listing export (SAMHSA)';

// Columns of the export that are not service codes; every other column is one code.
const ATTRIBUTES = new Set(
	[
		'name1',
		'name2',
		'street1',
		'street2',
		'city',
		'state',
		'zip',
		'zip4',
		'county',
		'phone',
		'intake_prompt',
		'intake1',
		'intake2',
		'website',
		'latitude',
		'longitude',
		'type_facility'
	].map((c) => c.toLowerCase())
);

// Exports whose download name was lost; their dates come from where they were found (SOURCE.md).
const KNOWN_EXPORT_DATES: Record<string, string> = { 'facility-detail': '2025-08-19' };

/**
 * Export date from FindTreatment.gov's download name
 * (FindTreament_Facility_listing_2025_08_19_150020.csv), or from the list of known files.
 */
export function exportDate(file: string): string {
	const dated = /(20\d\d)[_-](\d\d)[_-](\d\d)/.exec(file);
	if (dated) return `${dated[1]}-${dated[2]}-${dated[3]}`;
	const known = KNOWN_EXPORT_DATES[file.replace(/\.csv(\.gz)?$/i, '')];
	if (known) return known;
	throw new SourceFileError(
		`${file}: cannot tell when this FindTreatment.gov export was made; keep its download name ` +
			'(…_YYYY_MM_DD_hhmmss.csv) or put the date in the file name as YYYY_MM_DD'
	);
}

/** The list name coordinates from an export are credited to, e.g. 'findtreatment-2025'. */
export function findTreatmentList(file: string): string {
	return `findtreatment-${exportDate(file).slice(0, 4)}`;
}

/** Row reader for a FindTreatment.gov export: substance-use listings only, with coordinates. */
export function findTreatmentAdapter(csv: CsvFile) {
	const sourceDate = exportDate(csv.file);
	const list = findTreatmentList(csv.file);
	const codeColumns = csv.header.filter((c) => !ATTRIBUTES.has(c.toLowerCase()) && c !== '');

	return (line: number, cells: Cells): AdapterResult<FacilityRecord> => {
		const type = cells('type_facility').toUpperCase();
		// The export lists a site once per type; MH rows are mental-health programs, and a site
		// that also treats substance use has its own SU row.
		if (type !== 'SU')
			return { rejected: `type_facility '${type}' is not a substance-use listing` };
		const coordinates = parseLngLat(cells('longitude'), cells('latitude'));
		return facility(csv.file, line, {
			name: cells('name1'),
			name2: cells('name2'),
			street1: cells('street1'),
			street2: cells('street2'),
			city: cells('city'),
			state: cells('state'),
			zip: cells('zip'),
			phone: phones([cells('phone')])[0] ?? null,
			intakePhones: phones([cells('intake1'), cells('intake2')]),
			website: website(cells('website')),
			services: codeColumns.filter((c) => cells(c) === '1').map((c) => c.toUpperCase()),
			source: FINDTREATMENT_SOURCE,
			sourceDate,
			location: 'ok' in coordinates ? coordinates.ok : null,
			locationList: 'ok' in coordinates ? list : null,
			locationNote: 'rejected' in coordinates ? coordinates.rejected : null
		});
	};
}
