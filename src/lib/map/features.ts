import type { ProgramSnapshot } from '$lib/shortlist/schema';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Medication } from '../filters';
import type { MedicationSummary } from '../medication';
import type { Kind } from './kind';

/**
 * What the map draws for a program, and no more: the endpoint sends this for every match in the
 * country, so names, addresses and phones come from the list or the details API when asked for.
 */
export interface PinProperties {
	/** Repeated from the feature id: MapLibre drops string feature ids, `promoteId` reads this. */
	id: string;
	kind: Kind;
	/** Placed at its ZIP code's center: drawn hollow, because the spot is approximate. */
	approx?: true;
}

export type PinFeature = Feature<Point, PinProperties> & { id: string };
export interface Pins extends FeatureCollection<Point, PinProperties> {
	features: PinFeature[];
}

/** What a pin's popup says about its program: from the list when it is on this page, else the API. */
export interface PinInfo {
	id: string;
	/** displayName's title, as the list shows it; the subtitle under it. */
	name: string;
	subtitle: string | null;
	distanceMiles: number | null;
	medications: Medication[];
	medication: MedicationSummary;
	phone: string | null;
	approx: boolean;
	/** On the page of the list that is showing (so selecting it scrolls there). */
	listed: boolean;
	/** What the shortlist keeps if the program is saved from the popup. */
	snapshot: ProgramSnapshot;
}
