import type { Lang, ProfileQuestion, Rule } from './corpus';

/** The words a rule is written in; profile labels come from the corpus. */
const phrases = {
	zh: {
		always: '适用于所有机构',
		when: (condition: string) => `适用于：${condition}`,
		and: '，且',
		or: '；或',
		group: (s: string) => `（${s}）`,
		not: (s: string) => `不满足（${s}）`,
		yes: '是',
		no: '否',
		flag: (label: string, value: string) => `${label}：${value}`,
		is: (label: string, value: string) => `${label}为 ${value}`,
		isOneOf: (label: string, values: string[]) => `${label}为 ${orList('zh', values)}`,
		isNoneOf: (label: string, values: string[]) => `${label}不为 ${values.join('、')}`,
		includes: (label: string, values: string[]) =>
			values.length === 1
				? `${label}包含 ${values[0]}`
				: `${label}包含 ${values.join('、')} 中任一项`
	},
	en: {
		always: 'Applies to every firm',
		when: (condition: string) => `Applies when: ${condition}`,
		and: '; and ',
		or: '; or ',
		group: (s: string) => `(${s})`,
		not: (s: string) => `not (${s})`,
		yes: 'yes',
		no: 'no',
		flag: (label: string, value: string) => `${label.replace(/[?？]$/, '')}: ${value}`,
		is: (label: string, value: string) => `${label} is ${value}`,
		isOneOf: (label: string, values: string[]) => `${label} is ${orList('en', values)}`,
		isNoneOf: (label: string, values: string[]) =>
			values.length === 1
				? `${label} is not ${values[0]}`
				: `${label} is none of ${values.join(', ')}`,
		includes: (label: string, values: string[]) => `${label} include ${orList('en', values)}`
	}
} as const;

function orList(lang: Lang, values: string[]): string {
	if (values.length <= 1) return values.join('');
	const head = values.slice(0, -1).join(lang === 'zh' ? '、' : ', ');
	return `${head}${lang === 'zh' ? ' 或 ' : ' or '}${values.at(-1)}`;
}

/** Renders an applicability rule as one sentence, e.g. "Applies when: Business lines include Lending". */
export function describeRule(rule: Rule, questions: ProfileQuestion[], lang: Lang): string {
	if (rule === 'always') return phrases[lang].always;
	return phrases[lang].when(describeCondition(rule, questions, lang, false));
}

function describeCondition(
	rule: Exclude<Rule, 'always'>,
	questions: ProfileQuestion[],
	lang: Lang,
	nested: boolean
): string {
	const p = phrases[lang];
	const part = (r: Rule) =>
		r === 'always' ? p.always : describeCondition(r, questions, lang, true);
	if ('all' in rule || 'any' in rule) {
		const parts = 'all' in rule ? rule.all.map(part) : rule.any.map(part);
		const joined = parts.join('all' in rule ? p.and : p.or);
		return nested && parts.length > 1 ? p.group(joined) : joined;
	}
	if ('not' in rule) return p.not(part(rule.not));

	const question = questions.find((q) => q.id === rule.field);
	const label = question?.label[lang] ?? rule.field;
	const option = (value: string) =>
		question?.options.find((o) => o.value === value)?.label[lang] ?? value;
	if ('equals' in rule) {
		if (typeof rule.equals === 'boolean') return p.flag(label, rule.equals ? p.yes : p.no);
		return p.is(label, option(rule.equals));
	}
	if ('in' in rule) return p.isOneOf(label, rule.in.map(option));
	if ('not_in' in rule) return p.isNoneOf(label, rule.not_in.map(option));
	return p.includes(label, rule.includes_any.map(option));
}
