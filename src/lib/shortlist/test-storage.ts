import type { StorageLike } from './storage';

/** An in-memory Storage for the tests, with a switch to fail writes as a full disk would. */
export class MemoryStorage implements StorageLike {
	values = new Map<string, string>();
	failWith: Error | null = null;

	getItem(key: string): string | null {
		return this.values.get(key) ?? null;
	}

	setItem(key: string, value: string): void {
		if (this.failWith) throw this.failWith;
		this.values.set(key, value);
	}
}

export const quotaError = () =>
	new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export const program = (id: string, name = `Program ${id}`) => ({
	id,
	name,
	street1: '1 Main St',
	street2: null,
	city: 'Worcester',
	state: 'MA',
	zip: '01608',
	phones: ['508-555-0100'],
	medications: ['buprenorphine' as const],
	distanceMiles: 1.2,
	distanceFrom: 'ZIP 01608 (Worcester, MA)'
});

export const entry = (id: string, extra: Record<string, unknown> = {}) => ({
	...program(id),
	note: '',
	status: 'to-call',
	savedAt: '2026-11-01T10:00:00.000Z',
	updatedAt: '2026-11-01T10:00:00.000Z',
	...extra
});
