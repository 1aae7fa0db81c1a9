export interface Place {
	label: string;
	lat: number;
	lng: number;
	kind: 'zip' | 'city' | 'coordinates' | 'address';
	/** USPS code of the state or territory, when known. */
	state?: string;
}

export type Resolution =
	| { status: 'found'; place: Place }
	| { status: 'ambiguous'; choices: Place[] }
	| { status: 'not-found'; message: string; suggestions: Place[] };

/** Turns a street address into places, best first; may reject (the caller falls back). */
export type Geocoder = (query: string) => Promise<Place[]>;

export function notFound(message: string, suggestions: Place[] = []): Resolution {
	return { status: 'not-found', message, suggestions };
}
