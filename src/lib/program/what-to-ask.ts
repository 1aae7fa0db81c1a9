// "What to ask when you call": the questions the directory can't answer, or answers only as of its
// date. Shown on the program page and printed on the call sheet. The wording is ours.
import { filterOption, type FilterKey } from '../filters';

export interface AskItem {
	/** Stable, for keyed lists and tests. */
	id: 'medications' | 'counseling' | 'family' | 'team' | 'new-patients' | 'cost';
	text: string;
}

/** The person's own filters (from the search that led here), when known: they sharpen the wording. */
export type Selection = Partial<Record<FilterKey, readonly string[]>>;

function labels(selection: Selection, key: FilterKey): string[] {
	return (selection[key] ?? []).flatMap((value) => {
		const option = filterOption(key, value);
		return option ? [option.label.toLowerCase()] : [];
	});
}

const list = (items: string[]) =>
	items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export function whatToAsk(selection: Selection = {}): AskItem[] {
	const meds = labels(selection, 'medication');
	const counseling = labels(selection, 'counseling');
	return [
		{
			id: 'medications',
			text: meds.length
				? `Do you offer ${list(meds)} today, and in which forms? Ask about methadone, buprenorphine and naltrexone even if you have one in mind.`
				: 'Which medications do you offer: methadone, buprenorphine, naltrexone? In which forms (daily dosing, tablets or film to take home, a monthly injection)?'
		},
		{
			id: 'counseling',
			text: counseling.length
				? `Do you offer ${list(counseling)}? What other counseling comes with the medication?`
				: 'What counseling comes with the medication (one-on-one, group, CBT, contingency management)?'
		},
		{
			id: 'family',
			text: 'Can family or a partner be involved in care, and is there support for them?'
		},
		{
			id: 'team',
			text: 'Who is on the team: a doctor or nurse practitioner who can prescribe, licensed counselors, peer support?'
		},
		{
			id: 'new-patients',
			text: 'Are you taking new patients? How long is the wait for a first appointment or first dose?'
		},
		{
			id: 'cost',
			text: 'What will it cost with my insurance (or Medicaid, Medicare, none)? Is there a sliding fee?'
		}
	];
}
