import { medicationsOf, type Medication } from '../filters';
import * as facilities from './db/facilities';
import { displayNameLine } from '../display-name';

/** What the shared list and the comparison show of a program. */
export type ListedProgram = Pick<
	facilities.Facility,
	'id' | 'name' | 'name2' | 'street1' | 'street2' | 'city' | 'state' | 'zip' | 'services'
> & { displayName: string; phones: string[]; medications: Medication[] };

function listed(f: facilities.Facility): ListedProgram {
	const { id, name, name2, street1, street2, city, state, zip, services } = f;
	const phones = [...new Set([f.phone, ...f.intakePhones])].filter((p): p is string => Boolean(p));
	return {
		id,
		name,
		name2,
		displayName: displayNameLine(f),
		street1,
		street2,
		city,
		state,
		zip,
		services,
		phones,
		medications: medicationsOf(new Set(services))
	};
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
		return f ? [listed(f)] : [];
	});
	return { programs, missing: ids.length - programs.length };
}
