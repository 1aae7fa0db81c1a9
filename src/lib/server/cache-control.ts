// Who may keep a response. Most of this site's addresses name a place, program ids or a state
// someone looked at, so by default only the person's own browser may keep an answer, and it asks
// again (by ETag, a 304) before reusing it: `private, no-cache`, on 304s and redirects too. An
// answer opts into shared caching only by saying `public` itself (the filter vocabulary, the
// OpenAPI document, hashed build files); `no-store` is left as it is.

/** The default policy: this browser only, revalidated before each use. */
export const PRIVATE_REVALIDATE = 'private, no-cache';

/** Build files whose name carries a hash of their content (/_app/immutable/…). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The Cache-Control a response leaves with, given the one it was given (or none). */
export function cachePolicy(given: string | null | undefined): string {
	if (!given?.trim()) return PRIVATE_REVALIDATE;
	const directives = given
		.toLowerCase()
		.split(',')
		.map((d) => d.trim().split('=')[0]);
	if (['public', 'private', 'no-store'].some((d) => directives.includes(d))) return given;
	// `no-cache`, `max-age=…` alone would let a shared cache keep the answer.
	return `private, ${given}`;
}

/** Sets the policy on a response whose headers may be changed. */
export function withCachePolicy(headers: Headers): void {
	const given = headers.get('cache-control');
	const policy = cachePolicy(given);
	if (policy !== given) headers.set('cache-control', policy);
}
