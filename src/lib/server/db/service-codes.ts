import { db } from './index';

export interface ServiceCode {
	code: string;
	categoryCode: string;
	categoryName: string;
	name: string;
	description: string | null;
}

/** Dictionary entries for the given codes, in dictionary category order. */
export async function describe(codes: readonly string[]): Promise<ServiceCode[]> {
	if (codes.length === 0) return [];
	return db
		.selectFrom('service_code')
		.select([
			'code',
			'category_code as categoryCode',
			'category_name as categoryName',
			'name',
			'description'
		])
		.where('code', 'in', codes)
		.orderBy('category_name')
		.orderBy('name')
		.execute();
}
