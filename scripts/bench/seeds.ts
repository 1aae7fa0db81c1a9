// The national directory as plain rows, read straight from the vendored files (no database): the
// bench picks its centers from them and replicates them into the synthetic table.
import { defaultSources } from '../../src/lib/server/import/index';
import { prepareImport } from '../../src/lib/server/import/prepare';
import type { LocationPrecision } from '../../src/lib/server/db/schema';

export interface SeedProgram {
	id: string;
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
	lng: number;
	lat: number;
	precision: LocationPrecision;
	locationSource: string;
	services: string[];
	source: string;
	sourceDate: string;
}

/** Every program the import would write, in id order. */
export async function loadNationalPrograms(): Promise<SeedProgram[]> {
	const { facilities } = await prepareImport(defaultSources());
	return facilities
		.map((f) => ({
			id: f.id,
			name: f.name,
			name2: f.name2,
			street1: f.street1,
			street2: f.street2,
			city: f.city,
			state: f.state,
			zip: f.zip,
			phone: f.phone,
			intakePhones: f.intakePhones,
			website: f.website,
			lng: f.point.lng,
			lat: f.point.lat,
			precision: f.precision,
			locationSource: f.locationSource,
			services: f.services,
			source: f.source,
			sourceDate: f.sourceDate
		}))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
