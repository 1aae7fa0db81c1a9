import { notFound, type Place, type Resolution } from './types';
import { neighbourZips, zipTable, type ZipRecord } from './zips';

export const ZIP = /^(\d{5})(?:-\d{4})?$/;

/** The centroid of a five-digit ZIP code (ZIP+4 is accepted), or undefined when it is unknown. */
export function placeForZip(zip: string): Place | undefined {
	const five = ZIP.exec(typeof zip === 'string' ? zip.trim() : '')?.[1];
	const record = five === undefined ? undefined : zipTable().get(five);
	return record && zipPlace(record);
}

export function resolveZip(zip: string): Resolution {
	const place = placeForZip(zip);
	if (place) return { status: 'found', place };
	const nearby = neighbourZips(zip.slice(0, 5), 3).map(zipPlace);
	return notFound(`We could not find ZIP code ${zip}.`, nearby);
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
