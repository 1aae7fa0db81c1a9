import * as v from 'valibot';
import { CORRECTION_KINDS, MAX_DETAILS } from '../../corrections';

/** The report form's fields, as FormData entries. */
export const CorrectionForm = v.pipe(
	v.object({
		kind: v.picklist(
			CORRECTION_KINDS.map((k) => k.value),
			'choose what is wrong'
		),
		details: v.optional(
			v.pipe(
				v.string('details must be text'),
				// Control characters (a NUL cannot even be stored) become spaces, and spacing is
				// collapsed, so that repeats of the same report fold together.
				v.transform((text) => text.replace(/[\p{Cc}\s]+/gu, ' ').trim()),
				v.maxLength(MAX_DETAILS, `details must be at most ${MAX_DETAILS} characters`)
			),
			''
		)
	}),
	v.forward(
		v.check((input) => input.kind !== 'other' || input.details !== '', 'say what is wrong'),
		['details']
	)
);

export type CorrectionInput = v.InferOutput<typeof CorrectionForm>;
