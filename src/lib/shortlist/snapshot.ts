import type { Medication } from '../filters';
import type { ProgramSnapshot } from './schema';
import { displayNameLine } from '../display-name';

/**
 * Anything that describes a program: a search result, the program page's data, the JSON of
 * GET /api/facilities/{id}, a shared list's entry.
 */
export interface ProgramLike {
	id: string;
	name: string;
	name2?: string | null;
	street1?: string | null;
	street2?: string | null;
	city: string;
	state: string;
	zip: string;
	phone?: string | null;
	intakePhones?: readonly string[];
	phones?: readonly string[];
	medications: readonly Medication[];
	distanceMiles?: number | null;
}

/** What the shortlist keeps of a program; `from` names the place its distance is measured from. */
export function snapshotOf(p: ProgramLike, from: string | null = null): ProgramSnapshot {
	const phones = p.phones ?? [p.phone, ...(p.intakePhones ?? [])];
	const distanceMiles = p.distanceMiles ?? null;
	return {
		id: p.id,
		// The whole name: saved programs of one organization differ by their second line.
		name: displayNameLine(p),
		street1: p.street1 || null,
		street2: p.street2 || null,
		city: p.city,
		state: p.state,
		zip: p.zip,
		phones: [...new Set(phones.filter((n): n is string => Boolean(n)))],
		medications: [...p.medications],
		distanceMiles,
		distanceFrom: distanceMiles === null ? null : from
	};
}
