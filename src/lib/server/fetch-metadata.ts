import type { IncomingHttpHeaders } from 'node:http';

/**
 * Our pages send `Referrer-Policy: no-referrer`, and under that policy browsers send `Origin:
 * null` with a plain form POST, even to the page's own site. SvelteKit's CSRF check would refuse
 * those, so forms would only work with JavaScript. Fetch Metadata tells the cases apart:
 * `Sec-Fetch-Site: same-origin` is set by the browser itself (a page cannot forge it), so such a
 * request gets its real origin back before SvelteKit checks it. A null origin from anywhere else
 * (another site, a sandboxed frame, an old browser) stays null and is refused as before.
 */
export function restoreSameOrigin(headers: IncomingHttpHeaders, ownOrigin: string): void {
	if (headers.origin === 'null' && headers['sec-fetch-site'] === 'same-origin') {
		headers.origin = ownOrigin;
	}
}
