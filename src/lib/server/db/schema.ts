import type { ColumnType, Generated } from 'kysely';
import type { CorrectionKind } from '../../corrections';

/** PostGIS geography: written through helpers in postgis.ts, never selected raw. */
export type Geography = ColumnType<never, unknown, unknown>;

export type LocationPrecision = 'address' | 'zip';

export interface FacilityTable {
	id: string;
	name: string;
	name2: string | null;
	street1: string;
	street2: string | null;
	city: string;
	state: string;
	zip: string;
	phone: string | null;
	intake_phones: string[];
	website: string | null;
	location: Geography;
	location_precision: LocationPrecision;
	/** Which list the coordinates came from, e.g. 'samhsa-locator' or 'zip-centroid'. */
	location_source: string;
	/** SAMHSA service codes, upper case. */
	services: string[];
	source: string;
	/** 'YYYY-MM-DD' */
	source_date: string;
	imported_at: ColumnType<Date, never, never>;
}

export interface ServiceCodeTable {
	code: string;
	category_code: string;
	category_name: string;
	name: string;
	description: string | null;
	source: string;
}

export interface ImportRunTable {
	id: Generated<number>;
	finished_at: ColumnType<Date, never, never>;
	source: string;
	summary: ColumnType<unknown, string, string>;
}

/** Derived from facility by search-table.ts: what a radius search reads. */
export interface FacilitySearchTable {
	id: string;
	location: Geography;
	/** Bits 0–63 and 64–127 of the program's filter codes, in FILTER_CODES order. */
	filter_lo: ColumnType<string, string, string>;
	filter_hi: ColumnType<string, string, string>;
}

export interface FacilitySearchBuildTable {
	one: Generated<boolean>;
	/** The codes the bits stand for, in bit order, when the table was built. */
	codes: string[];
	total: number;
	/** Programs per value of a one-choice group (the scope), keyed `group:value`. */
	scope_totals: ColumnType<Record<string, number>, string, string>;
	built_at: ColumnType<Date, never, never>;
}

export interface CorrectionTable {
	id: Generated<number>;
	facility_id: string;
	kind: CorrectionKind;
	details: string;
	status: Generated<'open' | 'resolved'>;
	reports: Generated<number>;
	first_reported_at: ColumnType<Date, never, never>;
	last_reported_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DB {
	correction: CorrectionTable;
	facility: FacilityTable;
	facility_search: FacilitySearchTable;
	facility_search_build: FacilitySearchBuildTable;
	service_code: ServiceCodeTable;
	import_run: ImportRunTable;
}
