import { request } from 'node:http';
import { url } from './http';

// A plain form POST of the report form, as a browser without JavaScript sends it, over node:http
// so that a test may send any Host header (fetch would not).

export interface Posted {
	status: number;
	text: string;
}

export function postReport(
	baseURL: string,
	programId: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {}
): Promise<Posted> {
	const body = new URLSearchParams(fields).toString();
	return new Promise((resolve, reject) => {
		const req = request(
			`${baseURL}/facilities/${programId}?/report`,
			{
				method: 'POST',
				headers: {
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
					...headers
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

/** The number of open reports a program's page shows. */
export async function openReports(programId: string): Promise<number> {
	const html = await (await fetch(url(`/facilities/${programId}`))).text();
	const found = /data-testid="open-reports">\s*(\d+)/.exec(html);
	return found ? Number(found[1]) : 0;
}
