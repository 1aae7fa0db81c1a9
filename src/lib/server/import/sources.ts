import { fileURLToPath } from 'node:url';
import { coordinateAdapter } from './coordinate-lists';
import { cellReader, detectFormat, type Cells, type Format, type Role } from './formats';
import { findTreatmentAdapter } from './findtreatment';
import { nsumhssAdapter } from './nsumhss';
import { readCsv, type CsvFile } from './read-csv';
import { serviceCode } from './service-codes';
import type {
	AdapterResult,
	CoordinateRecord,
	FacilityRecord,
	ImportProgress,
	ServiceCodeRecord
} from './types';

/** Files to import. Formats are told from the headers; `.csv` or `.csv.gz`. */
export interface ImportSources {
	/** Facility listings: N-SUMHSS national directories or FindTreatment.gov exports. */
	facilities: string[];
	/** Geocoded lists that place the facilities, most trusted first. */
	coordinates?: string[];
	/** The SAMHSA service-code dictionary, upserted into service_code. */
	serviceCodes?: string | null;
}

export const DATA_DIR = fileURLToPath(new URL('../../../../db/data/', import.meta.url));

/** What `npm run db:import` loads: the 2023 national directory, placed by the three lists. */
export function defaultSources(dir = DATA_DIR): Required<ImportSources> {
	return {
		facilities: [`${dir}/national-directory-su-facilities-2023_facilities-list.csv.gz`],
		coordinates: [
			`${dir}/SubstanceUseTreatment_Geocoded.csv.gz`,
			`${dir}/OpioidTreatmentProgram_Geocoded.csv.gz`,
			`${dir}/facility-detail.csv.gz`
		],
		serviceCodes: `${dir}/samhsa-service-codes.csv.gz`
	};
}

/** One source row run through its adapter. */
export interface Read<T> {
	line: number;
	result: AdapterResult<T>;
}

export interface LoadedFile<T> {
	file: string;
	format: Format;
	rows: Read<T>[];
}

export interface Loaded {
	facilities: LoadedFile<FacilityRecord>[];
	coordinates: LoadedFile<CoordinateRecord>[];
	serviceCodes: LoadedFile<ServiceCodeRecord> | null;
}

/** Reads and parses every file; throws SourceFileError on the first file that is unusable. */
export async function loadSources(
	sources: ImportSources,
	onProgress?: (progress: ImportProgress) => void
): Promise<Loaded> {
	const total =
		sources.facilities.length + (sources.coordinates?.length ?? 0) + (sources.serviceCodes ? 1 : 0);
	let done = 0;
	onProgress?.({ phase: 'read', done, total });
	const load = async <T>(...args: Parameters<typeof loadFile<T>>) => {
		const loaded = await loadFile(...args);
		onProgress?.({ phase: 'read', done: ++done, total });
		return loaded;
	};
	const [facilities, coordinates, serviceCodes] = await Promise.all([
		Promise.all(
			sources.facilities.map((file) =>
				load(file, 'facilities', (csv, format) =>
					format === 'findtreatment' ? findTreatmentAdapter(csv) : nsumhssAdapter(csv)
				)
			)
		),
		Promise.all(
			(sources.coordinates ?? []).map((file) =>
				load(file, 'coordinates', (csv, format) => coordinateAdapter(csv, format))
			)
		),
		sources.serviceCodes
			? load(sources.serviceCodes, 'service-codes', () => (_line, cells) => serviceCode(cells))
			: null
	]);
	return { facilities, coordinates, serviceCodes };
}

type Adapter<T> = (line: number, cells: Cells) => AdapterResult<T>;

async function loadFile<T>(
	file: string,
	role: Role,
	adapterFor: (csv: CsvFile, format: Format) => Adapter<T>
): Promise<LoadedFile<T>> {
	const csv = await readCsv(file);
	const format = detectFormat(csv, role);
	const adapter = adapterFor(csv, format);
	const cells = cellReader(csv);
	// csv-parse has already refused rows with a different number of cells than the header.
	const rows = csv.rows.map(({ line, values }) => ({ line, result: adapter(line, cells(values)) }));
	return { file: csv.file, format, rows };
}
