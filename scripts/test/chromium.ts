// Debian's headless Chromium as the tests, the screenshots and pa11y start it.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
	'--headless',
	'--no-sandbox',
	// The machine has no outside network: without these Chromium keeps dialling Google.
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run',
	// WebGL (the map) on the CPU: there is no GPU here.
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];
