import { cityIndex, type City } from './cities';
import { allowedEdits, editDistance } from './fuzzy';
import { MAX_STATE_WORDS, misspeltStateCode, stateCode } from './states';
import { nameKey, words } from './text';
import { notFound, type Place, type Resolution } from './types';

/** A bare name is taken as its largest city when that one has this many times the next's ZIPs. */
export const DOMINANT_RATIO = 10;
const MAX_CHOICES = 10;
const MAX_SUGGESTIONS = 5;
const COUNTRY = /[\s,]+(?:u\.?s\.?a?\.?|united states(?: of america)?)$/i;

interface Reading {
	name: string[];
	state?: string;
}

/** Resolves "City, ST", "City ST", "City, State Name" or a bare city name. */
export function resolveCity(input: string): Resolution {
	const { byKey, byState } = cityIndex();
	const { readings, hint } = read(input);
	for (const { name, state } of readings) {
		const cities = byKey.get(nameKey(name)) ?? [];
		if (state) {
			const city = cities.find((c) => c.state === state);
			if (city) return { status: 'found', place: cityPlace(city) };
		} else if (cities.length > 0) {
			const [first, second] = cities;
			const dominant = !second || first!.zips >= DOMINANT_RATIO * Math.max(second.zips, 1);
			// "Maine" is a state before it is a village in New York.
			const aState = stateCode(name) !== undefined && first!.zips < DOMINANT_RATIO;
			if (dominant && !aState) return { status: 'found', place: cityPlace(first!) };
			if (!aState)
				return { status: 'ambiguous', choices: cities.slice(0, MAX_CHOICES).map(cityPlace) };
		}
	}
	const message = `We could not find "${input}".`;
	const state = stateCode(words(input.replace(COUNTRY, '')));
	if (state) {
		const largest = (byState.get(state) ?? []).slice(0, MAX_SUGGESTIONS).map(cityPlace);
		return notFound(`"${input}" is a state: add a city or a ZIP code.`, largest);
	}
	return notFound(message, suggest(hint));
}

/**
 * The ways to read the input, most specific first (with a state, then as a bare name), and the
 * reading to suggest close spellings for when none resolves.
 */
function read(input: string): { readings: Reading[]; hint: Reading } {
	const parts = input
		.replace(COUNTRY, '')
		.split(',')
		.map((part) => words(part))
		.filter((part) => part.length > 0);
	const all = parts.flat();
	if (parts.length > 1) {
		const last = parts.at(-1)!;
		const state = stateCode(last) ?? misspeltStateCode(last);
		const name = parts.at(-2)!;
		if (state) return { readings: [{ name, state }, { name: all }], hint: { name, state } };
		// "Worcester, England": suggest for the first part, but do not pretend to have found it.
		return { readings: [{ name: all }], hint: { name: parts[0]! } };
	}
	const readings: Reading[] = [];
	for (let n = Math.min(MAX_STATE_WORDS, all.length - 1); n >= 1; n--) {
		const state = stateCode(all.slice(-n));
		if (state) readings.push({ name: all.slice(0, -n), state });
	}
	readings.push({ name: all });
	return { readings, hint: readings[0]! };
}

/** Close spellings, in the given state first, then the same name in other states. */
function suggest({ name, state }: Reading): Place[] {
	const typed = nameKey(name);
	if (typed === '') return [];
	const max = allowedEdits(typed);
	const scored: { city: City; score: number }[] = [];
	for (const [key, cities] of cityIndex().byKey) {
		// A name typed in part ("Springf") is one edit from the whole name.
		const distance = typed.length >= 4 && key.startsWith(typed) ? 1 : editDistance(typed, key, max);
		if (distance > max) continue;
		for (const city of cities) {
			scored.push({ city, score: distance + (state && city.state !== state ? 1 : 0) });
		}
	}
	return scored
		.sort((a, b) => a.score - b.score || b.city.zips - a.city.zips)
		.slice(0, MAX_SUGGESTIONS)
		.map(({ city }) => cityPlace(city));
}

export function cityPlace(city: City): Place {
	return {
		label: `${city.name}, ${city.state}`,
		lat: city.lat,
		lng: city.lng,
		kind: 'city',
		state: city.state
	};
}
