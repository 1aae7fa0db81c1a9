import { notFound, type Place, type Resolution } from './types';
import { neighbourZips, zipTable, type ZipRecord } from './zips';

export const ZIP = /^(\d{5})(?:-\d{4})?$/;

/** The centroid of a five-digit ZIP code (ZIP+4 is accepted), or undefined when it is unknown. */
export function placeForZip(zip: string): Place | undefined {
	const five = ZIP.exec(typeof zip === 'string' ? zip.trim() : '')?.[1];
	const record = five === undefined ? undefined : zipTable().get(five);
	return record && zipPlace(record);
}

/** Suggested for an unknown ZIP code only when this close in number: a digit mistyped at the end. */
const NEAR_IN_NUMBER = 10;

export function resolveZip(zip: string): Resolution {
	const place = placeForZip(zip);
	if (place) return { status: 'found', place };
	const five = zip.slice(0, 5);
	// Numbers far apart can be far apart on the ground too: 99999 is next to no Alaska ZIP code.
	const nearby = neighbourZips(five, 3)
		.filter((record) => Math.abs(Number(record.zip) - Number(five)) <= NEAR_IN_NUMBER)
		.map(zipPlace);
	return notFound(
		`ZIP code ${five} is unknown: it is not in the list of US ZIP codes this site uses.`,
		nearby
	);
}

function zipPlace(record: ZipRecord): Place {
	return {
		label: `ZIP ${record.zip} (${record.city}, ${record.state})`,
		lat: record.latitude,
		lng: record.longitude,
		kind: 'zip',
		state: record.state
	};
}
