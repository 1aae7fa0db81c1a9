import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig: the proxy settings', () => {
	it('leaves them unset by default', () => {
		const config = readConfig({});
		expect(config.ORIGIN).toBeUndefined();
		expect(config.ADDRESS_HEADER).toBeUndefined();
		expect(config.XFF_DEPTH).toBeUndefined();
		expect(config.PROTOCOL_HEADER).toBeUndefined();
		expect(config.HOST_HEADER).toBeUndefined();
	});

	it('reads a proxy setup, header names in lower case as adapter-node compares them', () => {
		const config = readConfig({
			ORIGIN: 'https://mat.example.org',
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '2',
			PROTOCOL_HEADER: ' X-Forwarded-Proto ',
			HOST_HEADER: 'x-forwarded-host'
		});
		expect(config).toMatchObject({
			ORIGIN: 'https://mat.example.org',
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: 2,
			PROTOCOL_HEADER: 'x-forwarded-proto',
			HOST_HEADER: 'x-forwarded-host'
		});
		expect(readConfig({ ORIGIN: 'http://localhost:3000/' }).ORIGIN).toBe('http://localhost:3000/');
	});

	it.each([
		[{ ORIGIN: 'mat.example.org' }, 'Invalid ORIGIN: ORIGIN must be a URL'],
		[{ ORIGIN: 'ftp://mat.example.org' }, 'Invalid ORIGIN: ORIGIN must start with http://'],
		[{ ORIGIN: 'https://mat.example.org/locator' }, 'Invalid ORIGIN: ORIGIN must be the site’s'],
		[{ ORIGIN: 'https://mat.example.org/?a=1' }, 'Invalid ORIGIN: ORIGIN must be the site’s'],
		[{ ADDRESS_HEADER: 'x forwarded for' }, 'Invalid ADDRESS_HEADER: ADDRESS_HEADER must be a'],
		[{ PROTOCOL_HEADER: 'x-forwarded-proto:' }, 'Invalid PROTOCOL_HEADER: PROTOCOL_HEADER must'],
		[{ HOST_HEADER: 'höst' }, 'Invalid HOST_HEADER: HOST_HEADER must be a header name'],
		[{ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '0' }, 'XFF_DEPTH must be at least 1'],
		[{ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1.5' }, 'XFF_DEPTH must be a whole'],
		[{ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: 'one' }, 'XFF_DEPTH must be a whole'],
		[{ XFF_DEPTH: '1' }, 'Invalid XFF_DEPTH: XFF_DEPTH applies only with ADDRESS_HEADER='],
		[{ ADDRESS_HEADER: 'x-real-ip', XFF_DEPTH: '1' }, 'XFF_DEPTH applies only with']
	])('refuses %j with a message naming the setting', (env, message) => {
		expect(() => readConfig(env)).toThrow(message);
	});

	it('treats an empty value as unset, as for every other setting', () => {
		expect(readConfig({ ORIGIN: '', XFF_DEPTH: '' }).ORIGIN).toBeUndefined();
	});
});
