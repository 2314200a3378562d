import type { Corpus, Item, Lang, Severity } from './corpus';
import { hasText, type Authorship, type ConsultantVoice, type VoiceText } from './consultant-voice';
import { latestVersions, type EvidenceFile } from './evidence';
import {
	addMonths,
	fingerprint,
	type PackEdit,
	type PackField,
	type PackInput
} from './pack-input';
import {
	CSRC_SECTIONS,
	PBOC_SECTIONS,
	packPath,
	sectionItemIds,
	type PackPath,
	type SectionBasis,
	type SectionSpec
} from './pack-sections';
import type { Profile } from './profile';
import type { Evaluation } from './result';
import { decidesVerdict, type Answer, type AnswerStatus } from './scoring';
import type { PackWords } from './pack-words';
import { staleText, staleWarnings } from './staleness';
import { citeProvisions } from './provision-standing';
import {
	packAttachments,
	packExitView,
	packSupport,
	type AnnexInput,
	type SupportQuote,
	type PackAttachment,
	type PackExitDimension
} from './pack-annexes';

export type PackEditionKind = 'full' | 'public';

/** Where a statement comes from: every statement names at least one. */
export type PackTrace =
	| { kind: 'answer'; itemId: string; status: AnswerStatus }
	| { kind: 'profile'; field: string }
	| { kind: 'pack'; field: PackField }
	| { kind: 'evidence'; itemId: string; fileName: string; sha256: string }
	| { kind: 'result' }
	/** The CSRC pilot's Shanghai launch notice (2021-12-30), for the kinds of applicant it lists. */
	| { kind: 'notice' }
	| { kind: 'edit'; editedBy: string | null; editedAt: string }
	/**
	 * The consultant's own text (issue 17): their overall opinion, their scope and limitations, or
	 * their observation on one gap, as saved in version `version` by `by` on `on` (Shanghai date).
	 */
	| {
			kind: 'voice';
			part: VoicePart;
			itemId: string | null;
			version: number;
			by: string | null;
			on: string | null;
	  };

/** Which of the consultant's texts a statement quotes. */
export type VoicePart = 'opinion' | 'scope' | 'observation';

export interface PackStatement {
	/** S2-03: section 2, statement 3. */
	id: string;
	label: string | null;
	/** Null: the product cannot know it; printed as "to be completed". */
	text: string | null;
	trace: PackTrace[];
}

export interface PackBlocker {
	itemId: string;
	question: string;
	status: 'partial' | 'non_compliant' | 'unanswered';
	statusLabel: string;
	severity: Severity;
	severityLabel: string;
	remediation: string;
}

export interface PackSection {
	id: string;
	number: number;
	title: string;
	basis: SectionBasis;
	basisLabel: string;
	/** What the product drafted (or, where a person edited the section, their text as one statement). */
	statements: PackStatement[];
	/** The drafted statements' fingerprint: an edit saved over another one is stale. */
	draftHash: string;
	edit: { text: string; editedBy: string | null; editedAt: string; stale: boolean } | null;
	blockers: PackBlocker[];
}

export interface PackTraceRow {
	statement: string;
	section: string;
	source: string;
	reference: string;
}

export interface PackModel {
	lang: Lang;
	edition: PackEditionKind;
	path: PackPath;
	title: string;
	subtitle: string;
	firm: string;
	date: string;
	/** The first page: what the draft is, what is verified and what is the product's structure. */
	front: { heading: string; paragraphs: string[]; readiness: string[]; warnings: string[] };
	sections: PackSection[];
	/** Every statement's source, for the annex (not in the public-notice version). */
	trace: PackTraceRow[];
	/** The application's attachments, each with its evidence files (not in the public notice). */
	attachments: PackAttachment[];
	/** The eight exit-evaluation dimensions with their items and quotes (not in the public notice). */
	exit: PackExitDimension[];
	/** Support measures matched to the profile, quoted (not in the public notice). */
	support: SupportQuote[];
	words: PackWords;
}

export interface PackSource {
	corpus: Corpus;
	evaluation: Evaluation;
	profile: Profile;
	answers: readonly Answer[];
	input: PackInput;
	/** Latest versions are taken; the CLI has none. */
	evidence: readonly EvidenceFile[];
	/** Edits by section id. */
	edits: Readonly<Record<string, PackEdit>>;
	firm: string;
	/** Today in Shanghai (YYYY-MM-DD): the verdict is as of it. */
	today: string;
	/** When each answer was last given (Shanghai date); the CLI has none. */
	answered?: readonly { itemId: string; on: string }[];
	/**
	 * What the consultant wrote for the report (opinion, scope and limitations, observations on
	 * gaps): quoted in the sections it speaks to, never in the public notice. The CLI has none.
	 */
	voice?: ConsultantVoice | null;
	lang: Lang;
	edition: PackEditionKind;
}

/** Labels the renderers need, in the pack's language; from the message catalogue. */
export type PackVocabulary = Record<Lang, PackWords>;

/**
 * The filing pack: the sections of a draft application for the profile's sandbox path, each drafted
 * only from what is stored (the profile, the answers, the pack form, the evidence index, a person's
 * edit) and tracing every statement to it; unknowns stay "to be completed", open gaps and unanswered
 * obligation items are the section's blockers. Pure: the web, the API and the CLI build the same.
 */
export function buildFilingPack(src: PackSource, vocabulary: PackVocabulary): PackModel {
	const w = vocabulary[src.lang];
	const lang = src.lang;
	const path = packPath(src.profile.target_sandbox);
	const specs = path === 'csrc' ? CSRC_SECTIONS : PBOC_SECTIONS;
	const applicable = new Set(src.evaluation.result.applicable);
	const items = src.corpus.items.filter((i) => applicable.has(i.id));
	const answers = new Map(src.answers.map((a) => [a.itemId, a]));
	const evidence = latestVersions(src.evidence);
	const publicEdition = src.edition === 'public';
	const joint = src.profile.target_sandbox === 'pboc_joint';
	const gapIds = new Set(src.evaluation.score.gaps.map((g) => g.itemId));

	const sections = specs.map((spec, index): PackSection => {
		const number = index + 1;
		const itemIds = sectionItemIds(spec, items);
		const drafted = draftStatements(spec, itemIds);
		const draftHash = fingerprint(JSON.stringify(drafted.map((s) => [s.text, s.trace])));
		const edit = src.edits[spec.id] ?? null;
		const statements: Omit<PackStatement, 'id'>[] = edit
			? [
					{
						label: null,
						text: edit.text,
						trace: [{ kind: 'edit', editedBy: edit.editedBy, editedAt: edit.editedAt }]
					}
				]
			: drafted;
		return {
			id: spec.id,
			number,
			title: w[`sec_${spec.id}` as keyof PackWords],
			basis: spec.basis,
			basisLabel: w[`basis_${spec.basis}` as keyof PackWords],
			statements: statements.map((s, i) => ({
				...s,
				id: `S${number}-${String(i + 1).padStart(2, '0')}`
			})),
			draftHash,
			edit: edit
				? {
						text: edit.text,
						editedBy: edit.editedBy,
						editedAt: edit.editedAt,
						stale: edit.baseHash !== draftHash
					}
				: null,
			blockers: publicEdition ? [] : blockersOf(itemIds)
		};
	});

	function draftStatements(spec: SectionSpec, itemIds: string[]): Omit<PackStatement, 'id'>[] {
		const out: Omit<PackStatement, 'id'>[] = [];
		if (spec.id === 'csrc_applicant')
			out.push(
				{ label: null, text: w.csrcKinds, trace: [{ kind: 'notice' }] },
				{ label: w.csrcKindChoose, text: null, trace: [] }
			);
		for (const field of spec.pack) {
			if ((field === 'partner_name' || field === 'partner_licence') && path === 'pboc' && !joint)
				continue;
			const value = src.input[field];
			out.push({
				label: w[`field_${field}` as keyof PackWords],
				text: value === null ? null : String(value),
				trace: [{ kind: 'pack', field }]
			});
		}
		for (const id of spec.profile) {
			const question = src.corpus.profileQuestions.find((q) => q.id === id);
			if (!question) continue;
			const value = src.profile[id];
			if (publicEdition && id === 'business_scope') continue;
			out.push({
				label: question.label[lang],
				text: profileText(question, value),
				trace: [{ kind: 'profile', field: id }]
			});
		}
		if (spec.result) {
			const { verdict, scores } = src.evaluation.result;
			const score = scores.overall.score;
			// Not yet assessed: no score, as the gap report withholds it (too few answers to mean one).
			const shown = verdict === 'not_assessed' || score === null ? null : score;
			out.push({
				label: w.verdict,
				text: `${w[`verdict_${verdict}` as keyof PackWords]}${
					shown === null ? '' : ` · ${w.score} ${Math.round(shown * 100)}%`
				} · ${w.asOf.replace('{date}', src.today)}`,
				trace: [{ kind: 'result' }]
			});
			// The consultant's opinion on that result, and what the assessment covered, where written.
			if (!publicEdition && src.voice) {
				const { statement } = src.voice;
				for (const part of ['opinion', 'scope'] as const) {
					const text = voiceIn(statement[part], lang);
					if (text)
						out.push({
							label: part === 'opinion' ? w.voiceOpinion : w.voiceScope,
							text,
							trace: [voiceTrace(part, null, statement)]
						});
				}
			}
		}
		for (const id of itemIds) {
			const item = src.corpus.items.find((i) => i.id === id)!;
			const answer = answers.get(id);
			if (!answer) continue;
			// A public notice states what is in place, not what is missing.
			if (publicEdition && answer.status !== 'compliant') continue;
			const note = answer.note.trim();
			out.push({
				label: `${id} ${item.question[lang]}`,
				text: `${w.answer}${colon(lang)}${statusWord(answer.status)}${
					note && !publicEdition ? `\n${w.note}${colon(lang)}${note}` : ''
				}`,
				trace: [{ kind: 'answer', itemId: id, status: answer.status }]
			});
			if (publicEdition) continue;
			for (const line of answer.evidence.filter((e) => e.trim() !== ''))
				out.push({
					label: `${id} ${w.evidenceLine}`,
					text: line,
					trace: [{ kind: 'answer', itemId: id, status: answer.status }]
				});
			for (const file of evidence.filter((f) => f.itemId === id))
				out.push({
					label: `${id} ${w.evidenceFile}`,
					text: fileLine(file, w, lang),
					trace: [{ kind: 'evidence', itemId: id, fileName: file.fileName, sha256: file.sha256 }]
				});
			// The consultant's observation on this gap (as in the gap report: on a gap only).
			const observation = src.voice?.observations[id];
			const text = observation && gapIds.has(id) ? voiceIn(observation.text, lang) : null;
			if (observation && text)
				out.push({
					label: `${id} ${w.voiceObservation}`,
					text,
					trace: [voiceTrace('observation', id, observation)]
				});
		}
		return out;
	}

	function statusWord(status: AnswerStatus): string {
		return w[`status_${status}` as keyof PackWords];
	}

	function blockersOf(itemIds: string[]): PackBlocker[] {
		const gaps = new Map(src.evaluation.score.gaps.map((g) => [g.itemId, g]));
		const unanswered = new Set(src.evaluation.score.unanswered);
		const out: PackBlocker[] = [];
		for (const id of itemIds) {
			const item = src.corpus.items.find((i) => i.id === id)!;
			const gap = gaps.get(id);
			const status = gap
				? gap.status
				: unanswered.has(id) && decidesVerdict(item)
					? 'unanswered'
					: null;
			if (!status) continue;
			out.push({
				itemId: id,
				question: item.question[lang],
				status,
				statusLabel: status === 'unanswered' ? w.unanswered : statusWord(status),
				severity: item.severity,
				severityLabel: w[`severity_${item.severity}` as keyof PackWords],
				remediation: item.remediation[lang]
			});
		}
		const order = { critical: 0, high: 1, medium: 2, low: 3 };
		return out.sort((a, b) => order[a.severity] - order[b.severity]);
	}

	function profileText(
		question: Corpus['profileQuestions'][number],
		value: Profile[string]
	): string | null {
		if (value === null || value === undefined || (Array.isArray(value) && value.length === 0))
			return question.kind === 'multi' ? w.none : null;
		if (typeof value === 'boolean') return value ? w.yes : w.no;
		const label = (v: string) => question.options.find((o) => o.value === v)?.label[lang] ?? v;
		return Array.isArray(value) ? value.map(label).join(lang === 'zh' ? '、' : ', ') : label(value);
	}

	const trace = publicEdition
		? []
		: sections.flatMap((s) =>
				s.statements.flatMap((st) =>
					st.trace.map((t) => ({
						statement: st.id,
						section: s.title,
						source: w[`trace_${t.kind}` as keyof PackWords],
						reference: traceReference(t)
					}))
				)
			);

	function traceReference(t: PackTrace): string {
		switch (t.kind) {
			case 'answer':
				return `${t.itemId} · ${statusWord(t.status)}`;
			case 'profile':
				return src.corpus.profileQuestions.find((q) => q.id === t.field)?.label[lang] ?? t.field;
			case 'pack':
				return w[`field_${t.field}` as keyof PackWords];
			case 'evidence':
				return `${t.fileName} · ${t.itemId} · SHA-256 ${t.sha256.slice(0, 12)}`;
			case 'result':
				return src.evaluation.result.questionnaire_version.slice(0, 12);
			case 'notice':
				return w.noticeReference;
			case 'edit':
				return `${t.editedBy ?? '—'} · ${t.editedAt}`;
			case 'voice':
				return [
					{ opinion: w.voiceOpinion, scope: w.voiceScope, observation: w.voiceObservation }[t.part],
					t.itemId,
					w.voiceVersion.replace('{version}', String(t.version)),
					t.by ?? '—',
					t.on
				]
					.filter(Boolean)
					.join(' · ');
		}
	}

	const annex: AnnexInput = {
		corpus: src.corpus,
		path,
		joint,
		applicable,
		answers: src.answers,
		evidence: src.evidence,
		today: src.today,
		lang
	};
	return {
		lang,
		edition: src.edition,
		path,
		title: path === 'csrc' ? w.titleCsrc : publicEdition ? w.titlePublic : w.title,
		subtitle: path === 'csrc' ? w.subtitleCsrc : w.subtitlePboc,
		firm: src.firm,
		date: src.today,
		front: frontPage(src, w, path, items, evidence),
		sections,
		trace,
		attachments: publicEdition ? [] : packAttachments(annex),
		exit: publicEdition ? [] : packExitView(annex),
		support: publicEdition ? [] : packSupport({ ...annex, profile: src.profile }),
		words: w
	};
}

const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');

/**
 * The consultant's text in the pack's language, or the other language's where only that was
 * written (their words, not a translation); null where nothing was written.
 */
function voiceIn(text: VoiceText, lang: Lang): string | null {
	if (!hasText(text)) return null;
	const own = text[lang].trim();
	return own || text[lang === 'zh' ? 'en' : 'zh'].trim();
}

/** The trace of a consultant's text: which part, which version, who saved it and on what day. */
function voiceTrace(part: VoicePart, itemId: string | null, saved: Authorship): PackTrace {
	return {
		kind: 'voice',
		part,
		itemId,
		version: saved.version,
		by: saved.by,
		on: saved.at === null ? null : shanghaiDay(saved.at)
	};
}

/** The Shanghai calendar date (UTC+8, no daylight saving) of an ISO instant. */
function shanghaiDay(iso: string): string | null {
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? null : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What the draft is, which parts are verified, which are the product's, and as of when it holds. */
function frontPage(
	src: PackSource,
	w: PackWords,
	path: PackPath,
	items: readonly Item[],
	evidence: readonly EvidenceFile[]
): PackModel['front'] {
	const paragraphs =
		path === 'csrc'
			? [w.frontSelf, w.csrcOutline, w.frontTodo, w.frontBlockers]
			: [
					w.frontSelf,
					w.frontVerified,
					w.frontUnverified,
					...(src.profile.target_sandbox === 'csrc_capital_market_pilot' ||
					(typeof src.profile.target_sandbox === 'string' &&
						src.profile.target_sandbox.startsWith('pboc'))
						? []
						: [w.pathNone]),
					w.frontTodo,
					w.frontTrace,
					w.frontBlockers
				];
	if (src.edition === 'public') {
		// The public notice has neither the trace nor the blockers those paragraphs introduce.
		paragraphs.splice(
			0,
			paragraphs.length,
			...paragraphs.filter((p) => p !== w.frontTrace && p !== w.frontBlockers)
		);
		paragraphs.push(w.publicNote);
	}
	if (src.lang === 'en') paragraphs.unshift(w.workingTranslation);
	const { input, today } = src;
	const until = addMonths(today, input.validity_months);
	const readiness = [
		w.asOfWindow
			.replace('{date}', today)
			.replace('{months}', String(input.validity_months))
			.replace('{until}', until)
	];
	const filing = input.planned_filing_date;
	if (filing === null)
		readiness.push(`${w.field_planned_filing_date}${colon(src.lang)}${w.toComplete}`);
	else
		readiness.push(
			(filing < today
				? w.staleFilingPassed
				: filing <= until
					? w.filingInWindow
					: w.filingOutside
			).replace('{date}', filing)
		);
	// What has lapsed or will by the filing date: never presented as current (not in the notice).
	const warnings =
		src.edition === 'full'
			? staleWarnings({
					today,
					filingDate: filing,
					validityMonths: input.validity_months,
					items,
					provisions: src.corpus.provisions,
					answered: src.answered ?? [],
					evidence
				}).map((x) => staleText(x, w, src.lang, (ids, l) => citeProvisions(ids, src.corpus, l)))
			: [];
	return { heading: w.frontHeading, paragraphs, readiness, warnings };
}

/** An evidence file as the pack lists it: its name, effective date and expiry. */
function fileLine(file: EvidenceFile, w: PackWords, lang: Lang): string {
	const dates = [`${w.effective} ${file.effectiveOn}`];
	if (file.expiresOn) dates.push(`${w.expires} ${file.expiresOn}`);
	return lang === 'zh'
		? `${file.fileName}（${dates.join('，')}）`
		: `${file.fileName} (${dates.join(', ')})`;
}
