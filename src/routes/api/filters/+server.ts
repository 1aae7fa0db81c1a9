import { json } from '@sveltejs/kit';
import { handleApi } from '$lib/server/http';
import { nationalCounts, offeredGroups } from '$lib/server/offered-options';
import type { RequestHandler } from './$types';

// Only options some program in the loaded directory meets (offered-options.ts). An option
// matches a program that has any of `codes` (when given), every one of `all` and none of `none`.
export const GET: RequestHandler = () =>
	handleApi(async () => {
		const [groups, counts] = await Promise.all([offeredGroups(), nationalCounts()]);
		return json(
			groups.map((g) => ({
				key: g.key,
				label: g.label,
				...(g.single ? { single: true, default: g.single.default } : {}),
				options: g.options.map((o) => ({
					value: o.value,
					label: o.label,
					...(o.help ? { help: o.help } : {}),
					codes: o.codes,
					...(o.all ? { all: o.all } : {}),
					...(o.none ? { none: o.none } : {}),
					nationally: counts[`${g.key}:${o.value}`] ?? 0
				}))
			})),
			{ headers: { 'cache-control': 'public, max-age=3600' } }
		);
	});
