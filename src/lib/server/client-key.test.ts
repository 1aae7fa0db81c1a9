import { describe, expect, it } from 'vitest';
import { addressKey, clientKey } from './client-key';

describe('clientKey', () => {
	it('keys an IPv4 client by its address', () => {
		expect(clientKey(() => '198.51.100.7')).toBe('198.51.100.7');
		expect(clientKey(() => '198.51.100.8')).not.toBe(clientKey(() => '198.51.100.7'));
	});

	it('keys an IPv6 client by its /64', () => {
		// The same /64 written four ways: full, compressed, upper case, other interface ids.
		const same = [
			'2001:0db8:0001:0002:0000:0000:0000:0001',
			'2001:db8:1:2::ffff',
			'2001:DB8:1:2:abcd:ef01:2345:6789',
			'2001:db8:1:2::1%eth0'
		].map((a) => clientKey(() => a));
		expect(new Set(same).size).toBe(1);
		expect(same[0]).toBe('2001:db8:1:2::/64');
		// One bit further up is another network.
		expect(clientKey(() => '2001:db8:1:3::1')).not.toBe(same[0]);
		expect(clientKey(() => '2001:db8:1:2::1')).not.toBe(clientKey(() => '2001:db9:1:2::1'));
	});

	it('keys an IPv4-mapped IPv6 address as the IPv4 address', () => {
		expect(clientKey(() => '::ffff:198.51.100.7')).toBe('198.51.100.7');
		expect(clientKey(() => '::ffff:c633:6407')).toBe('198.51.100.7');
		// …and not as the /64 all of IPv4 would share (::ffff:0:0/96 lies in ::/64).
		expect(clientKey(() => '::ffff:198.51.100.8')).not.toBe(clientKey(() => '::ffff:198.51.100.7'));
	});

	it('puts requests without a usable address into one shared allowance', () => {
		const missing = clientKey(() => {
			throw new Error('Address header was specified with ADDRESS_HEADER but is absent');
		});
		expect(missing).toBe('unknown');
		expect(clientKey(() => undefined as unknown as string)).toBe('unknown');
		for (const junk of ['', 'not an address', '1.2.3.4.5', '<script>', '2001:db8::1::2']) {
			expect(
				clientKey(() => junk),
				junk
			).toBe('invalid');
		}
	});

	it('ignores spacing a proxy leaves around a list entry', () => {
		expect(clientKey(() => ' 198.51.100.7 ')).toBe('198.51.100.7');
	});
});

describe('addressKey', () => {
	it('never keeps the interface part of an IPv6 address', () => {
		// Oracle: the first four groups of the expanded address, written by hand.
		expect(addressKey('2a02:8071:5e1:2b00:1c3f:99ff:fe12:3456')).toBe('2a02:8071:5e1:2b00::/64');
		expect(addressKey('fe80::1')).toBe('fe80::/64');
		expect(addressKey('::1')).toBe('::/64');
	});
});
