import { describe, expect, it } from 'vitest';
import { telHref } from './phone';

describe('telHref', () => {
	it('dials a plain listed number', () => {
		expect(telHref('205-216-0200')).toBe('tel:+1-205-216-0200');
	});
	it('keeps an extension', () => {
		expect(telHref('205-324-6502 x10')).toBe('tel:+1-205-324-6502;ext=10');
	});
	it('turns a vanity number into digits', () => {
		expect(telHref('888-PARNEXT')).toBe('tel:+1-888-727-6398');
		expect(telHref('813-630HOPE')).toBe('tel:+1-813-630-4673');
		expect(telHref('618-6924DUI')).toBe('tel:+1-618-692-4384');
	});
	it('refuses what is not a 10-digit number', () => {
		expect(telHref('205-12')).toBeNull();
		expect(telHref('911')).toBeNull();
		expect(telHref('')).toBeNull();
	});
});
