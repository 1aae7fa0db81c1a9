import { readingOfData } from '$lib/server/data-reading';
import { RETIRED_VALUES } from '$lib/filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	...(await readingOfData()),
	retired: [...RETIRED_VALUES]
});
