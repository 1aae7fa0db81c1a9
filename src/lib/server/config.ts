import * as v from 'valibot';

// An HTTP header name (RFC 9110 token), as adapter-node reads it: lower case.
const headerName = (setting: string) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.regex(
			/^[!#$%&'*+.^_`|~0-9a-z-]+$/i,
			`${setting} must be a header name, like x-forwarded-for`
		),
		v.toLowerCase()
	);

/** A whole number from min to max; `what` says what the number counts, in the first message. */
const wholeNumber = (setting: string, min: number, max: number, what = '') =>
	v.pipe(
		v.string(),
		v.transform(Number),
		v.integer(`${setting} must be a whole number${what}`),
		v.minValue(min, `${setting} must be at least ${min}`),
		v.maxValue(max, `${setting} must be at most ${max}`)
	);

const ProxyFields = {
	// The site's public URL; the form check compares a post's Origin with it.
	ORIGIN: v.optional(
		v.pipe(
			v.string(),
			v.trim(),
			v.url('ORIGIN must be a URL, like https://mat.example.org'),
			v.regex(/^https?:\/\//i, 'ORIGIN must start with http:// or https://'),
			v.check(
				(value) => URL.canParse(value) && new URL(value).pathname === '/' && !/[?#]/.test(value),
				'ORIGIN must be the site’s origin alone, like https://mat.example.org (no path)'
			)
		)
	),
	// Behind a reverse proxy: where adapter-node finds the client's address, protocol and host.
	ADDRESS_HEADER: v.optional(headerName('ADDRESS_HEADER')),
	XFF_DEPTH: v.optional(
		wholeNumber('XFF_DEPTH', 1, 10, ' (the trusted proxies in front, usually 1)')
	),
	PROTOCOL_HEADER: v.optional(headerName('PROTOCOL_HEADER')),
	HOST_HEADER: v.optional(headerName('HOST_HEADER'))
};

const EnvObject = v.object({
	...ProxyFields,
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
	WORKERS: v.optional(wholeNumber('WORKERS', 1, 64))
});

const EnvSchema = v.pipe(
	EnvObject,
	// adapter-node reads XFF_DEPTH only for X-Forwarded-For; set with anything else, it is a
	// mistake that would leave the rate limit keyed by some other address than intended.
	v.forward(
		v.partialCheck(
			[['XFF_DEPTH'], ['ADDRESS_HEADER']],
			(env) => env.XFF_DEPTH === undefined || env.ADDRESS_HEADER === 'x-forwarded-for',
			'XFF_DEPTH applies only with ADDRESS_HEADER=x-forwarded-for'
		),
		['XFF_DEPTH']
	)
);

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
