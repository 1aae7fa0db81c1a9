import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/** A parsed CSV file: trimmed header names and the rows with their 1-based line numbers. */
export interface CsvFile {
	file: string;
	header: string[];
	rows: CsvRow[];
}

export interface CsvRow {
	line: number;
	values: string[];
}

/** Thrown for anything wrong with a file as a whole; the message names the file (and line). */
export class SourceFileError extends Error {
	override name = 'SourceFileError';
}

/** Reads a `.csv` or `.csv.gz` file, UTF-8 or (failing that) Windows-1252 / Latin-1. */
export async function readCsv(file: string): Promise<CsvFile> {
	const name = path.basename(file);
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch (error) {
		throw new SourceFileError(`${name}: cannot read: ${(error as Error).message}`, {
			cause: error
		});
	}
	if (file.endsWith('.gz')) bytes = await gunzip(name, bytes);
	return parseCsv(name, decode(bytes));
}

/**
 * Decompresses a whole .gz file. When the data is truncated or corrupt, the error names the line
 * where it breaks off: the text before it decompressed intact, so that is where to look.
 */
async function gunzip(name: string, bytes: Buffer): Promise<Buffer> {
	const chunks: Buffer[] = [];
	try {
		const stream = createGunzip();
		stream.end(bytes);
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	} catch (error) {
		const intact = Buffer.concat(chunks);
		let line = 1;
		for (let i = intact.indexOf(10); i !== -1; i = intact.indexOf(10, i + 1)) line++;
		const message = `${name}:${line}: truncated or corrupt gzip data (${(error as Error).message}); the file breaks off in this line`;
		throw new SourceFileError(message, { cause: error });
	}
}

// The OTP directory is Latin-1 while the others are UTF-8; a strict UTF-8 decode tells them apart
// without a per-file setting. WHATWG 'latin1' is Windows-1252, which also covers its curly quotes.
function decode(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('latin1').decode(bytes);
	}
}

type CsvParseError = Error & { code?: string; lines?: number; records?: number };

interface ParsedRecord {
	record: string[];
	info: { lines: number };
	raw: string;
}

export function parseCsv(name: string, text: string): CsvFile {
	let records: ParsedRecord[];
	try {
		// With info and raw on, csv-parse returns these wrappers; its types do not say so.
		records = parse(text, { info: true, raw: true, skip_empty_lines: true }) as never;
	} catch (caught) {
		const error = caught as CsvParseError;
		// csv-parse reports an unclosed quote where the file ends; the row to fix is where it opened.
		if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
			const line = rowAfter(text, error.records ?? 0);
			const message = `${name}:${line}: malformed CSV: a quote opened in this row is never closed`;
			throw new SourceFileError(message, { cause: error });
		}
		const where = error.lines ? `:${error.lines}` : '';
		throw new SourceFileError(`${name}${where}: malformed CSV: ${error.message}`, { cause: error });
	}
	const [first, ...rest] = records;
	if (!first) throw new SourceFileError(`${name}: the file is empty`);
	return {
		file: name,
		// FindTreatment.gov exports pad the first and last header names with spaces.
		header: first.record.map((column) => column.trim()),
		// csv-parse counts lines up to the end of a record; a quoted cell may span lines, so the
		// record starts as many lines earlier as its raw text has line breaks.
		rows: rest.map(({ record, info, raw }) => ({
			line: info.lines - countLineBreaks(raw),
			values: record
		}))
	};
}

function countLineBreaks(raw: string): number {
	let count = 0;
	// The raw text of a record includes the blank lines skipped before it and its own line break.
	const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
	for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) count++;
	return count;
}

/** The line on which the record after the first `count` well-formed records starts. */
function rowAfter(text: string, count: number): number {
	const good = count > 0 ? (parse(text, { to: count, info: true }) as never as ParsedRecord[]) : [];
	const lines = text.split('\n');
	let line = (good.at(-1)?.info.lines ?? 0) + 1;
	while ((lines[line - 1] ?? 'end').trim() === '') line++;
	return line;
}
