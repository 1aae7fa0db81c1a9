// The zipcodes package ships no types; this is the one function the importer uses.
declare module 'zipcodes' {
	interface ZipInfo {
		zip: string;
		latitude: number;
		longitude: number;
		city: string;
		state: string;
		country: string;
	}
	const zipcodes: { lookup(zip: string): ZipInfo | undefined };
	export default zipcodes;
}
