import { error } from '@sveltejs/kit';
import * as v from 'valibot';

export class InputError extends Error {
	constructor(
		message: string,
		readonly field: string
	) {
		super(message);
	}
}

/**
 * Validates an input against a valibot schema; on failure throws an InputError naming the field
 * that was wrong, so pages and endpoints can answer 400 with a message a person can act on.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	const issue = result.issues[0];
	const field = issue.path?.map((p) => String(p.key)).join('.') ?? 'input';
	throw new InputError(issue.message, field);
}

/** Same as parseInput, for page loads: a bad value becomes SvelteKit's 400 error page. */
export function parsePageInput<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): v.InferOutput<S> {
	try {
		return parseInput(schema, input);
	} catch (e) {
		if (e instanceof InputError) error(400, { message: `${e.field}: ${e.message}` });
		throw e;
	}
}

/** A 1-based page number from the query string ("2"), defaulting to 1. */
export const PageNumber = v.optional(
	v.pipe(
		v.string(),
		v.regex(/^\d{1,6}$/, 'must be a whole number from 1'),
		v.transform(Number),
		v.minValue(1, 'must be a whole number from 1')
	),
	'1'
);
