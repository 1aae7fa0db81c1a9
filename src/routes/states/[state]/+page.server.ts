import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import * as facilities from '$lib/server/db/facilities';
import { PageNumber, parsePageInput } from '$lib/server/validate/params';
import { STATE_NAMES } from '$lib/states';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 100;
const Query = v.object({ page: PageNumber });

export const load: PageServerLoad = async ({ params, url }) => {
	const code = params.state.toUpperCase();
	if (!(code in STATE_NAMES))
		error(404, { message: `There is no state or territory "${params.state}".` });
	if (code !== params.state) redirect(308, `/states/${code}${url.search}`);

	const { page } = parsePageInput(Query, { page: url.searchParams.get('page') ?? undefined });
	const { items, total } = await facilities.listByState(code, {
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	if (page > pages) error(404, { message: `Page ${page} does not exist; there are ${pages}.` });

	return { code, name: STATE_NAMES[code] ?? code, items, total, page, pages, pageSize: PAGE_SIZE };
};
