import { compareRows } from '$lib/shortlist/compare';
import { listPrograms } from '$lib/server/shortlist';
import { idsInput, IdsQuery } from '$lib/server/validate/ids';
import { parsePageInput } from '$lib/server/validate/params';
import type { PageServerLoad } from './$types';

// Rendered on the server from the ids in the address: the table works without JavaScript, and
// the distances, which only this device knows, are filled in after it loads.
export const load: PageServerLoad = async ({ url }) => {
	const { ids } = parsePageInput(IdsQuery, idsInput(url));
	const { programs, missing } = await listPrograms(ids);
	return {
		programs: programs.map(({ services: _services, ...p }) => p),
		sections: compareRows(programs),
		missing
	};
};
