import * as facilities from './db/facilities';
import * as serviceCodes from './db/service-codes';

export interface ServiceGroup {
	category: string;
	services: { code: string; name: string; description: string | null }[];
}

export type FacilityDetail = facilities.Facility & { serviceGroups: ServiceGroup[] };

/** A program with its services named and grouped by the dictionary's categories. */
export async function getFacilityDetail(id: string): Promise<FacilityDetail | undefined> {
	const facility = await facilities.get(id);
	if (!facility) return undefined;
	const known = new Map((await serviceCodes.describe(facility.services)).map((s) => [s.code, s]));
	// Groups follow the order SAMHSA lists the program's services in (type of care first).
	const groups = new Map<string, ServiceGroup>();
	for (const code of facility.services) {
		const entry = known.get(code);
		// Unknown stays unknown: a code missing from the dictionary is shown as the code itself.
		const category = entry?.categoryName ?? 'Codes not in the SAMHSA dictionary';
		const group = groups.get(category) ?? { category, services: [] };
		group.services.push({
			code,
			name: entry?.name ?? code,
			description: entry?.description ?? null
		});
		groups.set(category, group);
	}
	return { ...facility, serviceGroups: [...groups.values()] };
}

/** Ids are 12 lower-case hex characters today; accept a little more for future sources. */
export const FACILITY_ID = /^[a-z0-9-]{1,64}$/;
