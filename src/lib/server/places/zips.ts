import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { STATE_NAMES } from './states';

/** One ZIP code as the zipcodes package holds it (its centroid; the city is the USPS name). */
export interface ZipRecord {
	zip: string;
	latitude: number;
	longitude: number;
	city: string;
	state: string;
}

let table: Map<string, ZipRecord> | undefined;

/** The ZIP codes of the states, DC and the territories, read on first use. */
export function zipTable(): Map<string, ZipRecord> {
	if (!table) {
		table = new Map();
		for (const record of Object.values(readCodes())) {
			// Military APO/FPO codes (states AA, AE, AP) sit at 0,0 and lead nowhere.
			if (!(record.state in STATE_NAMES) || (record.latitude === 0 && record.longitude === 0)) {
				continue;
			}
			table.set(record.zip, record);
		}
	}
	return table;
}

/**
 * The package's US file (its main module also loads Canada's) is `exports.codes = {JSON}` on one
 * line: parsing that line as JSON takes a third of the time of running the file as JavaScript.
 */
function readCodes(): Record<string, ZipRecord> {
	const require = createRequire(import.meta.url);
	const path = require.resolve('zipcodes/lib/codes.js');
	const firstLine = /^exports\.codes = (\{.*\});?$/m.exec(readFileSync(path, 'utf8'));
	try {
		if (firstLine?.[1]) return JSON.parse(firstLine[1]) as Record<string, ZipRecord>;
	} catch {
		// The layout changed in a new version: fall back to running the file.
	}
	return (require(path) as { codes: Record<string, ZipRecord> }).codes;
}

/** The ZIP codes near a missing one: same first three digits (same area), closest in number. */
export function neighbourZips(zip: string, limit: number): ZipRecord[] {
	const target = Number(zip);
	return [...zipTable().values()]
		.filter((record) => record.zip.startsWith(zip.slice(0, 3)))
		.sort((a, b) => Math.abs(Number(a.zip) - target) - Math.abs(Number(b.zip) - target))
		.slice(0, limit);
}

/** Farther than this from every ZIP center, a point is not in the area the directory covers. */
const NEAREST_ZIP_MAX_KM = 60;

/**
 * The ZIP code whose center is nearest the point (a linear scan of ~41,000 centers: well under a
 * millisecond), or undefined when none is within 60 km (the point is outside the United States).
 */
export function nearestZip(lat: number, lng: number): ZipRecord | undefined {
	// Equirectangular distance: exact enough to compare neighbours, and cheap.
	const kmPerDegree = 111.195;
	const cosLat = Math.cos((lat * Math.PI) / 180);
	let best: ZipRecord | undefined;
	let bestSquared = (NEAREST_ZIP_MAX_KM / kmPerDegree) ** 2;
	for (const record of zipTable().values()) {
		const dLat = record.latitude - lat;
		let dLng = Math.abs(record.longitude - lng);
		if (dLng > 180) dLng = 360 - dLng;
		const squared = dLat * dLat + (dLng * cosLat) ** 2;
		if (squared < bestSquared) {
			best = record;
			bestSquared = squared;
		}
	}
	return best;
}
