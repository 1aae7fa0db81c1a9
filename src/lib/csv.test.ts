import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
	it('quotes commas, quotes and line breaks', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('plain')).toBe('plain');
	});

	it('neutralises text a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+1 555')).toBe("'+1 555");
		expect(csvCell('-2')).toBe("'-2");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\t=1')).toBe("'\t=1");
		expect(csvCell('a=b')).toBe('a=b');
		// Numbers are numbers, not text that looks like one.
		expect(csvCell(-2)).toBe('-2');
	});

	it('writes empty cells for missing values and ends lines with CRLF', () => {
		expect(toCsv(['a', 'b'], [[null, 1]])).toBe('a,b\r\n,1\r\n');
	});
});
