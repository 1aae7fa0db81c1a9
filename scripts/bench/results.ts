// What one bench run produces, shared by the worker that measures and the script that reports.
import type { Center } from './cases';
import type { Timing } from './measure';
import type { Backend, Dataset } from './target';

export interface CaseResult {
	key: string;
	required: boolean;
	indexed: Timing;
	naive: Timing | null;
	/** naive p50 / indexed p50 */
	ratio: number | null;
	/** Median of the search's total over the centers. */
	matches: number;
	/** Centers where the naive search's total or first page differed from the indexed one. */
	disagreements: string[];
}

export interface VariantResult {
	case: string;
	variant: string;
	timing: Timing;
}

export interface RunResult {
	backend: Backend;
	dataset: Dataset;
	programs: number;
	server: string;
	/** Loading the data: migrations + import (national) or the set-based build (synthetic). */
	buildMs: number;
	/** The synthetic build's steps, in ms. */
	buildSteps: Record<string, number> | null;
	/** `select 1` through the same client: the round trip every query pays. */
	floor: Timing;
	centers: Center[];
	cases: CaseResult[];
	variants: VariantResult[];
}

export interface WorkerOptions {
	backend: Backend;
	dataset: Dataset;
	serverUrl?: string;
	syntheticSize: number;
	runs: number;
	warmup: number;
	naiveRuns: number;
	variants: boolean;
	keep: boolean;
}
