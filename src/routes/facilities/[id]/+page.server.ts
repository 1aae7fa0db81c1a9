import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import * as facilities from '$lib/server/db/facilities';
import * as serviceCodes from '$lib/server/db/service-codes';
import { parsePageInput } from '$lib/server/validate/params';
import { stateName } from '$lib/states';
import type { PageServerLoad } from './$types';

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'is not a program id'));

export interface ServiceGroup {
	category: string;
	services: { code: string; name: string; description: string | null }[];
}

export const load: PageServerLoad = async ({ params }) => {
	const id = parsePageInput(Id, params.id);
	const facility = await facilities.get(id);
	if (!facility)
		error(404, {
			message:
				'There is no program with this id. It may have closed or been removed from the directory.'
		});

	const known = new Map((await serviceCodes.describe(facility.services)).map((s) => [s.code, s]));
	// Groups follow the order SAMHSA lists the program's services in (type of care first).
	const groups = new Map<string, ServiceGroup>();
	for (const code of facility.services) {
		const entry = known.get(code);
		const category = entry?.categoryName ?? 'Codes not in the SAMHSA dictionary';
		const group = groups.get(category) ?? { category, services: [] };
		group.services.push({
			code,
			name: entry?.name ?? code,
			description: entry?.description ?? null
		});
		groups.set(category, group);
	}

	return { facility, stateName: stateName(facility.state), serviceGroups: [...groups.values()] };
};
