import { error } from '@sveltejs/kit';
import { FACILITY_ID, getFacilityDetail } from '$lib/server/facility-detail';
import { stateName } from '$lib/states';
import type { PageServerLoad } from './$types';

const NOT_FOUND =
	'There is no program with this id. It may have closed or been removed from the directory.';

export const load: PageServerLoad = async ({ params }) => {
	const detail = FACILITY_ID.test(params.id) ? await getFacilityDetail(params.id) : undefined;
	if (!detail) error(404, { message: NOT_FOUND });
	const { serviceGroups, ...facility } = detail;
	return { facility, stateName: stateName(facility.state), serviceGroups };
};
