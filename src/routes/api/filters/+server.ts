import { json } from '@sveltejs/kit';
import { FILTER_GROUPS } from '$lib/filters';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	json(
		FILTER_GROUPS.map((g) => ({
			key: g.key,
			label: g.label,
			options: g.options.map((o) => ({
				value: o.value,
				label: o.label,
				...(o.help ? { help: o.help } : {}),
				codes: o.codes,
				match: o.all ? 'all' : 'any'
			}))
		})),
		{ headers: { 'cache-control': 'public, max-age=3600' } }
	);
