import * as facilities from '$lib/server/db/facilities';
import { DEFAULT_RADIUS, RADIUS_CHOICES } from '$lib/server/validate/search';
import { stateName } from '$lib/states';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const counts = await facilities.countByState();
	return {
		total: counts.reduce((sum, s) => sum + s.count, 0),
		states: counts
			.map((s) => ({ ...s, name: stateName(s.state) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		radiusChoices: RADIUS_CHOICES,
		defaultRadius: DEFAULT_RADIUS
	};
};
