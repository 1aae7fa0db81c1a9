import type { Cells } from './formats';
import { clean, orNull } from './normalize';
import type { AdapterResult, ServiceCodeRecord } from './types';

/** One row of samhsa-service-codes.csv. */
export function serviceCode(cells: Cells): AdapterResult<ServiceCodeRecord> {
	const code = clean(cells('service_code')).toUpperCase();
	if (!/^[A-Z0-9]+$/.test(code)) return { rejected: `invalid service code '${code}'` };
	const name = clean(cells('service_name'));
	if (name === '') return { rejected: `service code ${code} has no name` };
	return {
		ok: {
			code,
			categoryCode: clean(cells('category_code')),
			categoryName: clean(cells('category_name')),
			name,
			description: orNull(cells('service_description')),
			source: clean(cells('source'))
		}
	};
}
