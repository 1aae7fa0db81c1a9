import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Everything comes from this server. SvelteKit adds the hash of its own inline start-up
		// script to every page's policy (a hash, not a nonce, so that an unchanged page is the same
		// bytes and its ETag lets the browser revalidate it with a 304). A map style set by the operator (PUBLIC_MAP_STYLE) adds its origin
		// at run time (src/lib/server/security-headers.ts). Styles allow 'unsafe-inline' because
		// Svelte's style: directives and MapLibre write style attributes.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'frame-src': ['none'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
