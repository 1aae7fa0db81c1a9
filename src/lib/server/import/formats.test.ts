import { describe, expect, it } from 'vitest';
import { detectFormat } from './formats';
import { parseCsv } from './read-csv';

const header = (columns: string) => parseCsv('f.csv', `${columns}\n`);

const NSUMHSS =
	'Name1,Name2,Street1,Street2,City,State,Zip,Phone,Intake1,Intake2,Intake1a,Intake2a,Service_code_info';
const LOCATOR = 'name1,name2,street1,street2,city,state,zip,zip4,county,latitude,longitude';
const FINDTREATMENT =
	'    name1,name2,street1,street2,city,state,zip,zip4,county,phone,intake_prompt,intake1,' +
	'intake2,website,latitude,longitude,type_facility,mh,sa,bu,n40 ';

describe('detectFormat', () => {
	it('tells each source format from its header', () => {
		expect(detectFormat(header(NSUMHSS), 'facilities')).toBe('nsumhss-2023');
		expect(detectFormat(header(LOCATOR), 'coordinates')).toBe('samhsa-locator');
		expect(
			detectFormat(header('ID,ADDRESS,CITY,STATE,POSTAL,Latitude,Longitude'), 'coordinates')
		).toBe('otp-directory');
		expect(
			detectFormat(
				header('service_code,category_code,category_name,service_name,service_description,source'),
				'service-codes'
			)
		).toBe('service-codes');
	});
	it('prefers the more specific format when one header contains another', () => {
		expect(detectFormat(header(FINDTREATMENT), 'coordinates')).toBe('findtreatment');
		expect(detectFormat(header(FINDTREATMENT), 'facilities')).toBe('findtreatment');
	});
	it('names the file and the missing columns', () => {
		const broken = NSUMHSS.replace(',Zip,', ',Postcode,').replace(',Service_code_info', '');
		expect(() => detectFormat(header(broken), 'facilities')).toThrow(
			'f.csv:1: unrecognised columns for facilities; closest format is N-SUMHSS national ' +
				'directory, missing: Zip, Service_code_info'
		);
	});
	it('refuses a coordinate list as a facility source', () => {
		expect(() => detectFormat(header(LOCATOR), 'facilities')).toThrow(
			'f.csv:1: is a SAMHSA locator geocoded list, which cannot be used as facilities'
		);
	});
});
