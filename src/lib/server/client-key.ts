/**
 * Who is asking, for rate limits and load shedding only: the client's address as adapter-node
 * reports it (ADDRESS_HEADER / XFF_DEPTH behind a proxy). Behind a proxy a request that lacks the
 * header makes getClientAddress throw: such requests share one allowance.
 */
export function clientKey(getClientAddress: () => string): string {
	try {
		return getClientAddress();
	} catch {
		return 'unknown';
	}
}
