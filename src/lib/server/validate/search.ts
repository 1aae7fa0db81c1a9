import * as v from 'valibot';
import {
	FILTER_ALIASES,
	FILTER_GROUPS,
	filterGroup,
	RETIRED_VALUES,
	withDefaults,
	type FilterSelection
} from '../../filters';
import { InputError, parseInput } from './params';

export const RADIUS_CHOICES = [5, 10, 25, 50, 100, 250] as const;
export const DEFAULT_RADIUS = 25;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const MAX_OFFSET = 100_000;
const MAX_TEXT = 200;

export interface SearchParams {
	near?: string;
	lat?: number;
	lng?: number;
	radius: number;
	filters: FilterSelection;
	limit: number;
	offset: number;
}

const decimal = (field: string, min: number, max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.regex(/^[-+]?(\d{1,3}(\.\d{0,12})?|\.\d{1,12})$/, `${field} must be a number in degrees`),
		v.transform(Number),
		v.minValue(min, `${field} must be between ${min} and ${max}`),
		v.maxValue(max, `${field} must be between ${min} and ${max}`)
	);

const wholeNumber = (field: string, min: number, max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.regex(/^\d{1,7}$/, `${field} must be a whole number`),
		v.transform(Number),
		v.minValue(min, `${field} must be from ${min} to ${max}`),
		v.maxValue(max, `${field} must be from ${min} to ${max}`)
	);

const Scalars = v.object({
	near: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.maxLength(MAX_TEXT, `near must be at most ${MAX_TEXT} characters`),
			// A control character is never part of a place name.
			v.regex(/^[^\p{Cc}]*$/u, 'near contains characters that are not allowed')
		)
	),
	lat: v.optional(decimal('lat', -90, 90)),
	lng: v.optional(decimal('lng', -180, 180)),
	radius: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.transform(Number),
			v.picklist(RADIUS_CHOICES, `radius must be one of ${RADIUS_CHOICES.join(', ')} (miles)`)
		),
		String(DEFAULT_RADIUS)
	),
	limit: v.optional(wholeNumber('limit', 1, MAX_LIMIT), String(DEFAULT_LIMIT)),
	offset: v.optional(wholeNumber('offset', 0, MAX_OFFSET), '0')
});

type ScalarKey = keyof v.InferInput<typeof Scalars>;
const SCALAR_KEYS = new Set<string>(Object.keys(Scalars.entries));

/**
 * Reads a search from query parameters (the API's and the search page's alike). Throws an
 * InputError naming the parameter for anything unknown, repeated where it must not be, out of
 * range, or incomplete (a lat without a lng).
 */
export function parseSearchParams(
	params: URLSearchParams,
	{ ignore = [] }: { ignore?: readonly string[] } = {}
): SearchParams {
	const scalars: Partial<Record<ScalarKey, string>> = {};
	const filters: FilterSelection = {};
	for (const [key, value] of params) {
		if (ignore.includes(key)) continue;
		if (SCALAR_KEYS.has(key)) {
			if (key in scalars) throw new InputError(`${key} is given more than once`, key);
			// An empty field in a GET form means "not given".
			if (value.trim() !== '') scalars[key as ScalarKey] = value;
			continue;
		}
		if (!filterGroup(key)) {
			throw new InputError(
				`unknown parameter "${truncate(key)}"; filters are ${FILTER_GROUPS.map((g) => g.key).join(', ')}`,
				truncate(key)
			);
		}
		// As with the scalars: an empty value (a form's "any" choice) selects nothing.
		if (value.trim() === '' || RETIRED_VALUES.has(`${key}=${value}`)) continue;
		const [toKey, toValue] = FILTER_ALIASES[`${key}=${value}`] ?? [key, value];
		const group = filterGroup(toKey)!;
		if (!group.options.some((o) => o.value === toValue)) {
			throw new InputError(`"${truncate(value)}" is not a ${key} option (see /api/filters)`, key);
		}
		const values = (filters[group.key] ??= []);
		if (group.single && values.length > 0 && !values.includes(toValue)) {
			throw new InputError(`${key} takes one value`, key);
		}
		if (!values.includes(toValue)) values.push(toValue);
	}
	const parsed = parseInput(Scalars, scalars);
	if ((parsed.lat === undefined) !== (parsed.lng === undefined)) {
		const missing = parsed.lat === undefined ? 'lat' : 'lng';
		throw new InputError(
			`${missing} is required with ${missing === 'lat' ? 'lng' : 'lat'}`,
			missing
		);
	}
	if (parsed.near !== undefined && parsed.lat !== undefined) {
		throw new InputError('give either near or lat and lng, not both', 'near');
	}
	return { ...parsed, filters: withDefaults(filters) };
}

function truncate(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
