import type { Cells } from './formats';
import type { CsvFile } from './read-csv';
import { facility } from './facility';
import { phones, serviceCodes } from './normalize';
import type { AdapterResult, FacilityRecord } from './types';

export const NSUMHSS_SOURCE =
	'N-SUMHSS 2023 National Directory of Substance Use Treatment Facilities (SAMHSA)';
/** The workbook's last-modified date; SAMHSA prints no other date on it. */
export const NSUMHSS_SOURCE_DATE = '2023-06-29';

/** Row reader for the N-SUMHSS national directory (no coordinates, no website). */
export function nsumhssAdapter(csv: CsvFile) {
	return (line: number, cells: Cells): AdapterResult<FacilityRecord> =>
		facility(csv.file, line, {
			name: cells('Name1'),
			name2: cells('Name2'),
			street1: cells('Street1'),
			street2: cells('Street2'),
			city: cells('City'),
			state: cells('State'),
			zip: cells('Zip'),
			phone: phones([cells('Phone')])[0] ?? null,
			intakePhones: phones([
				cells('Intake1'),
				cells('Intake2'),
				cells('Intake1a'),
				cells('Intake2a')
			]),
			website: null,
			services: serviceCodes(cells('Service_code_info')),
			source: NSUMHSS_SOURCE,
			sourceDate: NSUMHSS_SOURCE_DATE,
			location: null,
			locationList: null,
			locationNote: null
		});
}
