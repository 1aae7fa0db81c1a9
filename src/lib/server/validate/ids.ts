import * as v from 'valibot';
import { FACILITY_ID } from '../facility-detail';
import { MAX_ENTRIES } from '../../shortlist/schema';

/**
 * `ids=a,b,c` of a shared list or a comparison: comma-separated program ids, repeats ignored,
 * at most as many as a shortlist holds.
 */
export const IdList = v.pipe(
	v.string('is required: comma-separated program ids'),
	v.transform((s) =>
		s
			.split(',')
			.map((id) => id.trim())
			.filter(Boolean)
	),
	v.array(v.pipe(v.string(), v.regex(FACILITY_ID, 'is not a program id'))),
	v.transform((ids) => [...new Set(ids)]),
	v.minLength(1, 'is required: comma-separated program ids'),
	v.maxLength(MAX_ENTRIES, `holds at most ${MAX_ENTRIES} program ids`)
);

export const IdsQuery = v.object({ ids: IdList });

export function idsInput(url: URL): { ids: string | undefined } {
	return { ids: url.searchParams.get('ids') ?? undefined };
}
