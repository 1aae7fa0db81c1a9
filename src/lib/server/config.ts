import * as v from 'valibot';

const EnvSchema = v.object({
	DATABASE_URL: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
		)
	),
	DATA_DIR: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)), './.data'),
	PORT: v.optional(
		v.pipe(
			v.string(),
			v.transform(Number),
			v.integer('PORT must be a whole number'),
			v.minValue(1),
			v.maxValue(65535)
		),
		'3000'
	),
	HOST: v.optional(v.string(), '0.0.0.0'),
	QUERY_TIMEOUT_MS: v.optional(
		v.pipe(
			v.string(),
			v.transform(Number),
			v.integer('QUERY_TIMEOUT_MS must be a whole number of milliseconds'),
			v.minValue(0)
		),
		'10000'
	),
	// Server processes; unset: one per core with PostgreSQL, and always one with the embedded
	// database, whose data directory only one process may open.
	WORKERS: v.optional(
		v.pipe(
			v.string(),
			v.transform(Number),
			v.integer('WORKERS must be a whole number'),
			v.minValue(1, 'WORKERS must be at least 1'),
			v.maxValue(64, 'WORKERS must be at most 64')
		)
	)
});

export type Config = v.InferOutput<typeof EnvSchema>;

/** Reads the environment once; a bad value stops the process with a message naming it. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const result = v.safeParse(EnvSchema, cleaned);
	if (result.success) return result.output;
	const issue = result.issues[0];
	const key = issue.path?.map((p) => String(p.key)).join('.') ?? 'environment';
	throw new Error(`Invalid ${key}: ${issue.message}`);
}
