import { error, fail } from '@sveltejs/kit';
import * as v from 'valibot';
import * as corrections from '$lib/server/db/corrections';
import { FACILITY_ID, getFacilityDetail } from '$lib/server/facility-detail';
import { clientKey } from '$lib/server/client-key';
import { SharedRateLimiter } from '$lib/server/rate-limit';
import { CorrectionForm } from '$lib/server/validate/correction';
import { locator } from '$lib/server/locator';
import { nearbyMap } from '$lib/server/nearby-map';
import { stateName } from '$lib/states';
import type { Actions, PageServerLoad } from './$types';

const NOT_FOUND =
	'There is no program with this id. It may have closed or been removed from the directory.';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const detail = FACILITY_ID.test(params.id) ? await getFacilityDetail(params.id) : undefined;
	if (!detail) error(404, { message: NOT_FOUND });
	const { serviceGroups, ...facility } = detail;
	const outline = locator(stateName(facility.state), facility.lng, facility.lat);
	// The page is the same bytes until the data or its reports change (the policy hashes, rather
	// than nonces, SvelteKit's script), so a browser may keep it and revalidate by ETag: a 304.
	setHeaders({ 'cache-control': 'no-cache' });
	return {
		facility,
		stateName: stateName(facility.state),
		serviceGroups,
		locator: outline ?? null,
		nearby: (outline && (await nearbyMap(facility.lng, facility.lat))) ?? null,
		openReports: await corrections.openCount(facility.id)
	};
};

// Five reports in ten minutes from one client is plenty for a person and slows down a script.
const reportLimit = new SharedRateLimiter('report', 5, 10 * 60_000);

export const actions: Actions = {
	// A plain form POST (works without JavaScript). SvelteKit's origin check rejects a POST from
	// another site before it gets here, so no CSRF token is needed.
	report: async ({ params, request, getClientAddress }) => {
		if (!FACILITY_ID.test(params.id) || !(await getFacilityDetail(params.id))) {
			error(404, { message: NOT_FOUND });
		}
		const form = await request.formData().catch(() => null);
		const raw = {
			kind: form?.get('kind') ?? undefined,
			details: form?.get('details') ?? undefined
		};
		const parsed = v.safeParse(CorrectionForm, raw);
		if (!parsed.success) {
			const issue = parsed.issues[0];
			const field = issue.path?.map((p) => String(p.key)).join('.') ?? 'kind';
			return fail(400, {
				report: { field, message: issue.message, kind: text(raw.kind), details: text(raw.details) }
			});
		}
		const tooMany = (message: string) =>
			fail(429, { report: { field: null, message, ...parsed.output } });
		const wait = await reportLimit.take(clientKey(getClientAddress));
		if (wait > 0) {
			return tooMany(
				`Too many reports from this connection. Please try again in ${minutes(wait)}.`
			);
		}
		const result = await corrections.report({ facilityId: params.id, ...parsed.output });
		if (!result.stored) return tooMany(FULL[result.full]);
		return { report: { sent: true, folded: result.folded } };
	}
};

const FULL = {
	program:
		'This listing has had many reports today already, and each will be read. ' +
		'Please try again tomorrow.',
	site: 'The report form has taken all the reports it can for today. Please try again tomorrow.'
};

const text = (value: FormDataEntryValue | undefined) => (typeof value === 'string' ? value : '');
const minutes = (seconds: number) =>
	seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
