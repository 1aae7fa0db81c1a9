// What a program page may know of the search that opened it: only in this tab's memory, from the
// navigation (afterNavigate), never from the program's own address.
import { FILTER_KEYS, filterOption } from '../filters';
import type { LngLat } from '../map/geo';
import type { Selection } from './what-to-ask';

/** The person's filters, as the search's address gave them (unknown values dropped). */
export function selectionOf(params: URLSearchParams): Selection {
	const selection: Selection = {};
	for (const key of FILTER_KEYS) {
		const values = params.getAll(key).filter((v) => filterOption(key, v));
		if (values.length) selection[key] = values;
	}
	return selection;
}

/** The place the search was measured from, when its address holds coordinates. */
export function pointOf(params: URLSearchParams): LngLat | null {
	const lat = Number(params.get('lat'));
	const lng = Number(params.get('lng'));
	return params.has('lat') && params.has('lng') && Number.isFinite(lat) && Number.isFinite(lng)
		? { lat, lng }
		: null;
}
