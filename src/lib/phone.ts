// Phone numbers in SAMHSA's directory look like "205-324-6502 x10" or a vanity "888-PARNEXT".

const KEYPAD: Readonly<Record<string, string>> = {
	A: '2',
	B: '2',
	C: '2',
	D: '3',
	E: '3',
	F: '3',
	G: '4',
	H: '4',
	I: '4',
	J: '5',
	K: '5',
	L: '5',
	M: '6',
	N: '6',
	O: '6',
	P: '7',
	Q: '7',
	R: '7',
	S: '7',
	T: '8',
	U: '8',
	V: '8',
	W: '9',
	X: '9',
	Y: '9',
	Z: '9'
};

/** A tel: URI (RFC 3966) for a listed number, or null when it has no 10-digit number to dial. */
export function telHref(phone: string): string | null {
	const extensionMatch = /\s*(?:x|ext\.?)\s*(\d+)\s*$/i.exec(phone);
	const extension = extensionMatch?.[1];
	const main = extensionMatch ? phone.slice(0, extensionMatch.index) : phone;
	const digits = main
		.toUpperCase()
		.replace(/[A-Z]/g, (letter) => KEYPAD[letter] ?? '')
		.replace(/\D/g, '');
	const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
	if (national.length !== 10) return null;
	const base = `tel:+1-${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`;
	return extension ? `${base};ext=${extension}` : base;
}
