import { medicationsOf, type Medication } from '../filters';
import * as facilities from './db/facilities';

/** What the shared list and the comparison show of a program. */
export interface ListedProgram {
	id: string;
	name: string;
	name2: string | null;
	street1: string;
	street2: string | null;
	city: string;
	state: string;
	zip: string;
	phones: string[];
	medications: Medication[];
	services: string[];
}

/**
 * The programs behind a share or compare link, in the link's order. Ids the directory no longer
 * has are counted, not fatal: a list shared months ago outlives some of its programs.
 */
export async function listPrograms(
	ids: readonly string[]
): Promise<{ programs: ListedProgram[]; missing: number }> {
	const byId = new Map((await facilities.getMany(ids)).map((f) => [f.id, f]));
	const programs = ids.flatMap((id) => {
		const f = byId.get(id);
		if (!f) return [];
		return [
			{
				id: f.id,
				name: f.name,
				name2: f.name2,
				street1: f.street1,
				street2: f.street2,
				city: f.city,
				state: f.state,
				zip: f.zip,
				phones: [...new Set([f.phone, ...f.intakePhones])].filter((p): p is string => Boolean(p)),
				medications: medicationsOf(new Set(f.services)),
				services: f.services
			}
		];
	});
	return { programs, missing: ids.length - programs.length };
}
