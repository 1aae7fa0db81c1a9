import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import { restoreSameOrigin } from './fetch-metadata';

// adapter-node works out the site's origin (what SvelteKit's form check compares a post's Origin
// with) as ORIGIN, or else <PROTOCOL_HEADER's value, or https>://<HOST_HEADER's value, or Host>.
// It trusts those headers only when the operator names them: a client can send any
// X-Forwarded-Proto or X-Forwarded-Host, and only a proxy in front can vouch for them.
//
// Without ORIGIN or PROTOCOL_HEADER the protocol is the socket's, which on this server is always
// plain HTTP: adapter-node reads it from a header this module writes on every request itself, so
// nothing a client sends can change it. adapter-node reads the variable when build/handler.js is
// imported, which happens after this module is.
const SOCKET_PROTOCOL = 'x-mat-socket-protocol';
const PROXY_SETTINGS = ['ORIGIN', 'ADDRESS_HEADER', 'XFF_DEPTH', 'PROTOCOL_HEADER', 'HOST_HEADER'];
// Empty means unset, as for every other setting (config.ts); adapter-node would refuse ORIGIN=''.
for (const name of PROXY_SETTINGS) if (process.env[name] === '') delete process.env[name];
// npm start's worker processes inherit the variable as set here in the primary.
const socketProtocol =
	!process.env.ORIGIN && [undefined, SOCKET_PROTOCOL].includes(process.env.PROTOCOL_HEADER);
if (socketProtocol) process.env.PROTOCOL_HEADER = SOCKET_PROTOCOL;

export interface ProxySettings {
	origin?: string;
	protocolHeader?: string;
	hostHeader?: string;
}

const settings: ProxySettings = {
	origin: process.env.ORIGIN,
	protocolHeader: process.env.PROTOCOL_HEADER?.toLowerCase(),
	hostHeader: process.env.HOST_HEADER?.toLowerCase()
};

/** Called on every request before adapter-node's handler sees it. */
export function prepareRequest(req: IncomingMessage): void {
	if (socketProtocol) req.headers[SOCKET_PROTOCOL] = 'http';
	const origin = siteOrigin(req.headers, settings);
	if (origin) restoreSameOrigin(req.headers, origin);
	// An origin that cannot be vouched for matches nothing, so SvelteKit refuses the form post.
	else if (req.headers.origin !== undefined) req.headers.origin = 'null';
}

/**
 * The site's origin as adapter-node will work it out for this request, or undefined when it would
 * rest on a Host header naming a site that may not be ours. A browser sends the Host of the page
 * it is on, so a page at evil.example whose name an attacker points at this server (DNS
 * rebinding) posts with `Host: evil.example` and `Origin: http://evil.example`, which agree.
 * localhost and IP addresses cannot be anyone else's name; any other name needs ORIGIN, or a
 * proxy that says which site was asked for (HOST_HEADER).
 */
export function siteOrigin(
	headers: IncomingHttpHeaders,
	{ origin, protocolHeader, hostHeader }: ProxySettings
): string | undefined {
	if (origin) return new URL(origin).origin;
	const protocol = (protocolHeader && one(headers[protocolHeader])) || 'https';
	const proxied = hostHeader && one(headers[hostHeader]);
	const host = proxied || one(headers.host);
	if (!host || (!proxied && !isAddressOrLocalhost(host))) return undefined;
	return `${protocol}://${host}`;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** localhost or an IP address, with or without a port: a Host only this server answers to. */
export function isAddressOrLocalhost(host: string): boolean {
	const bracketed = /^\[([^\]]+)\](?::\d*)?$/.exec(host);
	if (bracketed) return ipaddr.IPv6.isValid(bracketed[1]!);
	const name = host.replace(/:\d*$/, '').toLowerCase();
	return name === 'localhost' || ipaddr.IPv4.isValidFourPartDecimal(name);
}

/** Whether HOST (the interface listened on) is this machine's own. */
function isLoopback(host: string): boolean {
	const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
	return (
		name === 'localhost' || (ipaddr.isValid(name) && ipaddr.process(name).range() === 'loopback')
	);
}

/**
 * For `npm start`: a warning when ORIGIN is unset and the server listens beyond this machine,
 * where people reach it by a name: their reports are then refused (see siteOrigin). Returns
 * whether it warned.
 */
export function warnIfOpenWithoutOrigin(
	config: { ORIGIN?: string; HOST: string },
	warn: (message: string) => void = console.warn
): boolean {
	if (config.ORIGIN || isLoopback(config.HOST)) return false;
	warn(
		`Warning: ORIGIN is unset and the server listens on ${config.HOST}, beyond this machine. ` +
			'Forms (the report form) are then accepted only at localhost or an IP address, and ' +
			'X-Forwarded-Proto and X-Forwarded-Host are not trusted. Set ORIGIN to the site’s public ' +
			'URL (e.g. ORIGIN=https://mat.example.org), or HOST=127.0.0.1 to serve this machine only.'
	);
	return true;
}
