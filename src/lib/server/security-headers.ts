// Headers every response carries (tested in tests/api/headers.test.ts). The Content-Security-
// Policy itself comes from SvelteKit (kit.csp in svelte.config.js), which hashes its own inline
// script; this only widens it for a map style the operator has configured. The Node server sets
// the same headers as defaults (scripts/serve/defaults.ts) for what never reaches SvelteKit's
// handle: static files, its trailing-slash redirects, its CSRF refusal, Node's own errors.

/** The fixed security headers, the same on every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'x-content-type-options': 'nosniff',
	// A program's website or a directions link must not learn which search led to it.
	'referrer-policy': 'no-referrer',
	// Location only for this site's "Use my location"; nothing else the page could ask for.
	'permissions-policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
	'x-frame-options': 'DENY'
	// No Cross-Origin-Opener-Policy: on these public pages it guards no state (no account, no
	// session; links out are noopener), and it made every arrival start a fresh renderer process,
	// measured as 0.3–0.6 s more main-thread work per page on Lighthouse's mobile run
	// (scripts/bench/README.md). Pages that hold a sign-in should set it.
};

/** The policy of anything SvelteKit did not render: it may not be framed or run anything. */
export const FALLBACK_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The origin of an operator-configured map style URL, or null for the built-in offline map. */
export function mapStyleOrigin(styleUrl: string | undefined): string | null {
	if (!styleUrl) return null;
	try {
		const url = new URL(styleUrl);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
	} catch {
		return null;
	}
}

const WIDENED = ['connect-src', 'img-src', 'font-src', 'worker-src'];

/** Adds `origin` to the directives a hosted map style needs (style, tiles, sprites, glyphs). */
export function widenCsp(policy: string, origin: string): string {
	return policy
		.split(';')
		.map((directive) => {
			const name = directive.trim().split(/\s+/)[0];
			return name && WIDENED.includes(name) ? `${directive.trim()} ${origin}` : directive.trim();
		})
		.join('; ');
}

/** Sets the headers on a response, copying it first if its headers are immutable. */
export function withSecurityHeaders(response: Response, mapOrigin: string | null): Response {
	let headers = response.headers;
	try {
		headers.set('x-content-type-options', 'nosniff');
	} catch {
		response = new Response(response.body, response);
		headers = response.headers;
	}
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
	const csp = headers.get('content-security-policy');
	if (csp && mapOrigin) headers.set('content-security-policy', widenCsp(csp, mapOrigin));
	// Responses that SvelteKit does not render (JSON, GeoJSON, files) get a policy too, so that
	// one opened directly can't be framed or run anything.
	// Not on a 304: its headers replace the stored answer's, and a page's own policy must stay.
	if (!csp && response.status !== 304) headers.set('content-security-policy', FALLBACK_CSP);
	return response;
}
