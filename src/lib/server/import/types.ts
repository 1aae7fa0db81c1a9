import type { LngLat } from '../db/postgis';
import type { LocationPrecision } from '../db/schema';

/** One source row that did not become a facility, and why. */
export interface Rejection {
	file: string;
	line: number;
	reason: string;
}

/** A facility as read from a source row, before it is placed on the map or given an id. */
export interface FacilityRecord {
	file: string;
	line: number;
	name: string;
	name2: string | null;
	street1: string;
	street2: string | null;
	city: string;
	state: string;
	zip: string;
	phone: string | null;
	intakePhones: string[];
	website: string | null;
	services: string[];
	source: string;
	sourceDate: string;
	/** Coordinates the row carries itself (FindTreatment.gov exports), already validated. */
	location: LngLat | null;
	/** Which list `location` counts as, e.g. 'findtreatment-2025'. */
	locationList: string | null;
	/** Why the row's own coordinates were not usable, when it had some. */
	locationNote: string | null;
}

/** A point from one of the geocoded lists: used only to place facilities. */
export interface CoordinateRecord {
	list: string;
	line: number;
	name: string;
	street1: string;
	street2: string;
	city: string;
	state: string;
	zip: string;
	location: LngLat;
}

export interface ServiceCodeRecord {
	code: string;
	categoryCode: string;
	categoryName: string;
	name: string;
	description: string | null;
	source: string;
}

/** A facility ready to write: placed, with its stable id. */
export interface PlacedFacility extends FacilityRecord {
	id: string;
	point: LngLat;
	precision: LocationPrecision;
	locationSource: string;
	/** How an address match was made ('street+zip', …), null for ZIP centroids. */
	rule: string | null;
	/** Kilometres from the address point to the ZIP centroid, when both are known. */
	kmFromZip: number | null;
	/** Why a point the facility had or matched was not used. */
	note: string | null;
}

/** What an adapter makes of one row. */
export type AdapterResult<T> = { ok: T } | { rejected: string };

export interface FileSummary {
	file: string;
	format: string;
	sourceRows: number;
	imported: number;
	merged: number;
	rejected: number;
}

export interface CoordinateListSummary {
	file: string;
	list: string;
	rows: number;
	usable: number;
	/** Rows whose coordinates are missing, malformed or outside the US and territories. */
	skipped: number;
}

export interface ImportSummary {
	sourceRows: number;
	imported: number;
	merged: number;
	rejected: number;
	rejections: Rejection[];
	precision: { address: number; zip: number };
	/** Facilities per location_source, e.g. { 'samhsa-locator-2021': 9500, 'zip-centroid': 2800 }. */
	byLocationSource: Record<string, number>;
	/** Address matches per matching rule, e.g. { 'street+zip': 9500, 'name+zip+number': 130 }. */
	byMatchRule: Record<string, number>;
	/** Address-placed facilities whose point lies farther than `thresholdKm` from their ZIP centroid. */
	farFromZip: { thresholdKm: number; count: number; facilities: Rejection[] };
	/** Rows imported with a caveat, e.g. their own coordinates were unusable. */
	notes: Rejection[];
	files: FileSummary[];
	coordinateLists: CoordinateListSummary[];
	serviceCodes: number;
	durationMs: number;
}

export interface ImportProgress {
	phase: 'read' | 'place' | 'write';
	done: number;
	total: number;
}
