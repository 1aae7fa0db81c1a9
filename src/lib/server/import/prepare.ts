import { Geocoder } from './geocode';
import { assignIds } from './ids';
import { place } from './place';
import { SourceFileError } from './read-csv';
import { loadSources, type ImportSources, type Loaded } from './sources';
import { Tally } from './summary';
import type {
	CoordinateRecord,
	FacilityRecord,
	ImportProgress,
	ImportSummary,
	PlacedFacility,
	ServiceCodeRecord
} from './types';

export interface Prepared {
	facilities: PlacedFacility[];
	serviceCodes: ServiceCodeRecord[];
	summary: Omit<ImportSummary, 'durationMs'>;
}

/**
 * Everything short of writing: reads and checks the files, places and identifies the facilities.
 * Throws SourceFileError for an unusable file; single bad facility rows become rejections.
 */
export async function prepareImport(
	sources: ImportSources,
	onProgress?: (progress: ImportProgress) => void
): Promise<Prepared> {
	const loaded = await loadSources(sources, onProgress);
	const serviceCodes = checkedServiceCodes(loaded);
	const tally = new Tally(loaded);

	const points: CoordinateRecord[] = [];
	for (const list of loaded.coordinates) {
		for (const { result } of list.rows) if ('ok' in result) points.push(result.ok);
	}
	const geocoder = new Geocoder(points);

	const placed: Omit<PlacedFacility, 'id'>[] = [];
	const total = loaded.facilities.reduce((sum, f) => sum + f.rows.length, 0);
	let done = 0;
	for (const { file, rows } of loaded.facilities) {
		for (const { line, result } of rows) {
			if (++done % 500 === 0 || done === total) onProgress?.({ phase: 'place', done, total });
			if ('rejected' in result) {
				tally.reject({ file, line, reason: result.rejected });
				continue;
			}
			const placement = place(result.ok, geocoder);
			if ('rejected' in placement) {
				tally.reject({ file, line, reason: placement.rejected });
				continue;
			}
			placed.push({ ...result.ok, ...placement.ok });
		}
	}

	// Counted after merging, so a duplicate row's match is not counted twice.
	const { records, merged } = assignIds(placed);
	for (const record of merged) tally.merge(record.file);
	for (const record of records) tally.imported(record);
	checkUniqueIds(records);
	return { facilities: records, serviceCodes, summary: tally.summary(serviceCodes.length) };
}

// The dictionary is small and curated: a bad row means a bad file, so it stops the import.
function checkedServiceCodes(loaded: Loaded): ServiceCodeRecord[] {
	if (!loaded.serviceCodes) return [];
	const { file, rows } = loaded.serviceCodes;
	const codes = new Map<string, ServiceCodeRecord>();
	for (const { line, result } of rows) {
		if ('rejected' in result) throw new SourceFileError(`${file}:${line}: ${result.rejected}`);
		if (codes.has(result.ok.code)) {
			throw new SourceFileError(`${file}:${line}: service code ${result.ok.code} appears twice`);
		}
		codes.set(result.ok.code, result.ok);
	}
	return [...codes.values()];
}

// Ids are 48-bit hashes; a collision is astronomically unlikely, but it would otherwise surface
// as a primary-key error halfway through the write.
function checkUniqueIds(records: (FacilityRecord & { id: string })[]): void {
	const seen = new Map<string, FacilityRecord>();
	for (const record of records) {
		const other = seen.get(record.id);
		if (other) {
			throw new Error(
				`Facility id ${record.id} was derived for both ${other.file}:${other.line} and ` +
					`${record.file}:${record.line}`
			);
		}
		seen.set(record.id, record);
	}
}
