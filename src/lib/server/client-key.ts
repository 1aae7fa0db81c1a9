import ipaddr from 'ipaddr.js';

/**
 * Who is asking, for rate limits and load shedding only: the client's address as adapter-node
 * reports it (ADDRESS_HEADER / XFF_DEPTH behind a proxy), reduced to what one client controls.
 * Behind a proxy a request that lacks the header makes getClientAddress throw: such requests
 * share one allowance, as do values that are not an address at all.
 */
export function clientKey(getClientAddress: () => string): string {
	let address: unknown;
	try {
		address = getClientAddress();
	} catch {
		return 'unknown';
	}
	return typeof address === 'string' ? addressKey(address.trim()) : 'unknown';
}

/**
 * An IPv4 address as it is; an IPv6 address by its /64, because one home or phone is usually
 * given a whole /64 and picks any address in it at will (privacy extensions change it daily), so
 * keying by the full address gives one device 2^64 allowances. An IPv4-mapped IPv6 address
 * (::ffff:192.0.2.1, what a dual-stack socket reports for IPv4) is the IPv4 address it maps.
 */
export function addressKey(address: string): string {
	if (!ipaddr.isValid(address)) return 'invalid';
	const parsed = ipaddr.process(address);
	if (parsed.kind() === 'ipv4') return parsed.toString();
	const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4);
	return `${new ipaddr.IPv6([...prefix, 0, 0, 0, 0]).toString()}/64`;
}
