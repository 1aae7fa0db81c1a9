// The "report a problem" form's choices, shared by the page and the server's validation.

export type CorrectionKind = 'phone' | 'address' | 'closed' | 'services' | 'other';

export const CORRECTION_KINDS: readonly { value: CorrectionKind; label: string }[] = [
	{ value: 'phone', label: 'Phone number is wrong' },
	{ value: 'address', label: 'Address or location is wrong' },
	{ value: 'closed', label: 'Program has closed' },
	{ value: 'services', label: 'Services or medications are wrong' },
	{ value: 'other', label: 'Something else' }
];

export const MAX_DETAILS = 1000;
