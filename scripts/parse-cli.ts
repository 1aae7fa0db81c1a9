/**
 * The command line of a script, parsed by `parse`: null means --help (the usage is printed and
 * the script exits 0); a thrown error is a bad option (its message and the usage, exit 2).
 */
export function parseCliOrExit<T>(parse: () => T | null, usage: string): T {
	let cli: T | null;
	try {
		cli = parse();
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${usage}`);
		process.exit(2);
	}
	if (cli === null) {
		console.log(usage);
		process.exit(0);
	}
	return cli;
}
