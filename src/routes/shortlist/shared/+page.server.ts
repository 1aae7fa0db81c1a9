import { listPrograms } from '$lib/server/shortlist';
import { idsInput, IdsQuery } from '$lib/server/validate/ids';
import { parsePageInput } from '$lib/server/validate/params';
import type { PageServerLoad } from './$types';

// Rendered on the server from the ids in the address, so a shared list opens without JavaScript.
export const load: PageServerLoad = async ({ url }) => {
	const { ids } = parsePageInput(IdsQuery, idsInput(url));
	const { programs, missing } = await listPrograms(ids);
	return { programs: programs.map(({ services: _services, ...p }) => p), missing };
};
