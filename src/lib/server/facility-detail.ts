import { FILTER_GROUPS } from '../filters';
import { categoryOf, SERVICE_CATEGORIES } from '../program/categories';
import * as facilities from './db/facilities';
import * as serviceCodes from './db/service-codes';

export interface ServiceGroup {
	id: string;
	category: string;
	services: { code: string; name: string; description: string | null; known: boolean }[];
}

export type FacilityDetail = facilities.Facility & { serviceGroups: ServiceGroup[] };

/** Our label for a code where one filter option stands for exactly that code. */
const OUR_LABELS = new Map(
	FILTER_GROUPS.flatMap((g) =>
		g.options
			.filter((o) => o.codes.length === 1 && !o.all?.length && !o.none?.length)
			.map((o) => [o.codes[0]!, o] as const)
	)
);

/** A program with each of its services named once, in our groups (categories.ts). */
export async function getFacilityDetail(id: string): Promise<FacilityDetail | undefined> {
	const facility = await facilities.get(id);
	if (!facility) return undefined;
	const codes = [...new Set(facility.services)];
	const known = new Map((await serviceCodes.describe(codes)).map((s) => [s.code, s]));
	const groups = new Map<string, ServiceGroup>(
		SERVICE_CATEGORIES.map((c) => [c.id, { id: c.id, category: c.label, services: [] }])
	);
	for (const code of codes) {
		const entry = known.get(code);
		const ours = OUR_LABELS.get(code);
		groups.get(categoryOf(code, entry?.categoryCode ?? null).id)!.services.push({
			code,
			// Unknown stays unknown: a code missing from the dictionary is shown as the code itself.
			name: ours?.label ?? entry?.name ?? code,
			description: entry?.description ?? ours?.help ?? null,
			known: entry !== undefined
		});
	}
	const serviceGroups = [...groups.values()].filter((g) => g.services.length > 0);
	for (const g of serviceGroups) g.services.sort((a, b) => a.name.localeCompare(b.name, 'en'));
	return { ...facility, serviceGroups };
}

/** Ids are 12 lower-case hex characters today; accept a little more for future sources. */
export const FACILITY_ID = /^[a-z0-9-]{1,64}$/;
