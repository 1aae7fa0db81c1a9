import { json } from '@sveltejs/kit';
import { FACILITY_ID, getFacilityDetail } from '$lib/server/facility-detail';
import { apiError, handleApi } from '$lib/server/http';
import { medicationsOf } from '$lib/filters';
import { summarize } from '$lib/medication';
import { displayNameLine } from '$lib/display-name';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) =>
	handleApi(async () => {
		if (!FACILITY_ID.test(params.id)) return apiError(404, 'no program has this id', 'id');
		const detail = await getFacilityDetail(params.id);
		if (!detail) return apiError(404, 'no program has this id', 'id');
		const { locationPrecision, ...rest } = detail;
		return json({
			...rest,
			displayName: displayNameLine(rest),
			precision: locationPrecision,
			medications: medicationsOf(new Set(detail.services)),
			medication: summarize(new Set(detail.services))
		});
	});
