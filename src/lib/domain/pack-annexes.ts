import type { Corpus, Item, Lang, Provision, Source } from './corpus';
import { latestVersions, type EvidenceFile, type EvidenceReviewStatus } from './evidence';
import type { PackPath } from './pack-sections';
import { citeProvision, forceClass, type ForceClass } from './provision-standing';
import type { Answer, AnswerStatus } from './scoring';

/**
 * The filing pack's two working annexes (issue 20): the checklist of the application's attachments,
 * each linked to the evidence files uploaded for the items behind it, and the exit-evaluation view
 * (the eight dimensions a tested application is judged on at exit), each with its items, answers,
 * files and the provisions those items cite, quoted verbatim.
 *
 * Neither list is in our five sources. What each entry rests on is named: `verified` (a public
 * source seen, by row of the research brief `shared/research/sandbox-domain.md`), `partial` (the
 * document seen, the detail not) or `product` (the product's own structure). The official list of
 * attachments (JR/T 0198-2020's annex, the CSRC pilot's city guides) has not been verified.
 */
export type AnnexBasis = 'verified' | 'partial' | 'product';

export interface AttachmentSpec {
	id: string;
	basis: AnnexBasis;
	/** The research brief's row(s) it rests on, when any. */
	research: string | null;
	/** Items whose evidence files the attachment is made of, in order. */
	items: string[];
	/** Only for a joint application to the PBOC tool (a technology company with a licensed partner). */
	jointOnly?: boolean;
}

/** The PBOC tool: what an applicant must evidence (research rows 6–13), as documents to attach. */
export const PBOC_ATTACHMENTS: readonly AttachmentSpec[] = [
	{ id: 'licence', basis: 'verified', research: '#4, #6', items: ['LIC-001', 'LIC-003'] },
	{
		id: 'joint_agreement',
		basis: 'verified',
		research: '#6',
		items: ['SBX-001', 'LIC-004'],
		jointOnly: true
	},
	{ id: 'innovation_case', basis: 'verified', research: '#8', items: ['SBX-003'] },
	{
		id: 'compliance_opinion',
		basis: 'verified',
		research: '#7, #9',
		items: ['SBX-007', 'LIC-007']
	},
	{
		id: 'security_assessment',
		basis: 'verified',
		research: '#10, #16',
		items: [
			'ISR-008',
			'ISR-009',
			'ISR-010',
			'ISR-011',
			'ISR-012',
			'ISR-013',
			'ISR-014',
			'ISR-015',
			'ISR-016'
		]
	},
	{
		id: 'risk_compensation',
		basis: 'verified',
		research: '#11, #12',
		items: ['RSK-003', 'RSK-004']
	},
	{
		id: 'emergency_plan',
		basis: 'verified',
		research: '#11',
		items: ['RSK-005', 'ISR-006', 'PII-007']
	},
	{ id: 'exit_plan', basis: 'verified', research: '#11', items: ['SBX-006'] },
	{ id: 'test_boundary', basis: 'product', research: null, items: ['SBX-004'] },
	{ id: 'user_notice', basis: 'product', research: null, items: ['SBX-008'] },
	{ id: 'complaint_mechanism', basis: 'partial', research: '#14', items: ['CMP-005', 'CMP-002'] }
];

/** The CSRC pilot: the materials the city guides are reported to ask for (row 32, partly seen). */
export const CSRC_ATTACHMENTS: readonly AttachmentSpec[] = [
	{
		id: 'csrc_eligibility',
		basis: 'verified',
		research: '#25, #26',
		items: ['SBX-002', 'LIC-001']
	},
	{ id: 'compliance_opinion', basis: 'partial', research: '#32', items: ['SBX-007', 'LIC-007'] },
	{
		id: 'security_assessment',
		basis: 'partial',
		research: '#32',
		items: ['ISR-016', 'ISR-007', 'ISR-001']
	},
	{
		id: 'investor_protection',
		basis: 'partial',
		research: '#28, #32',
		items: ['SUI-001', 'SUI-004', 'CPG-003', 'SBX-008']
	},
	{ id: 'emergency_plan', basis: 'partial', research: '#28, #32', items: ['RSK-005', 'ISR-006'] },
	{ id: 'exit_plan', basis: 'partial', research: '#28, #32', items: ['SBX-006'] }
];

/**
 * The eight exit-evaluation dimensions (research row 18, seen in public reporting; not in our
 * sources), each with the items that speak to it. The JR/T 0199 self-assessment items
 * (ISR-008…015) answer four of them by name.
 */
export const EXIT_DIMENSIONS: readonly { id: string; items: string[] }[] = [
	{ id: 'innovation_value', items: ['SBX-003', 'SBX-009', 'POL-001', 'POL-002'] },
	{ id: 'service_quality', items: ['ISR-009', 'CMP-001', 'CMP-002'] },
	{ id: 'user_satisfaction', items: ['CMP-003', 'CMP-005', 'CMP-004'] },
	{ id: 'business_continuity', items: ['ISR-010', 'ISR-005', 'OUT-005', 'RSK-005'] },
	{ id: 'legal_compliance', items: ['SBX-007', 'LIC-001', 'LIC-003', 'LIC-007'] },
	{ id: 'transaction_security', items: ['ISR-008', 'ISR-003', 'FND-001', 'FND-002'] },
	{ id: 'data_security', items: ['ISR-013', 'DSC-001', 'DSC-002', 'DSC-004', 'PII-001'] },
	{ id: 'risk_control', items: ['RSK-001', 'RSK-002', 'RSK-003', 'RSK-007', 'SBX-004'] }
];

/** Quotes per dimension; the rest are counted (the gap report quotes every one). */
export const EXIT_QUOTES = 3;

export interface AnnexFile {
	itemId: string;
	fileName: string;
	sha256: string;
	effectiveOn: string;
	expiresOn: string | null;
	review: EvidenceReviewStatus;
	/** Expired, or not accepted by a reviewer: listed, but it does not count. */
	counts: boolean;
}

export type AttachmentState = 'present' | 'stale' | 'missing';

export interface PackAttachment {
	id: string;
	basis: AnnexBasis;
	research: string | null;
	/** The applicable items behind it, with their answer. */
	items: { itemId: string; question: string; status: AnswerStatus | 'unanswered' }[];
	files: AnnexFile[];
	/** present: a current file; stale: only expired or not-accepted files; missing: none. */
	state: AttachmentState;
}

export interface ExitQuote {
	provisionId: string;
	citation: string;
	/** Verbatim (Chinese, as the source prints it). */
	text: string;
	/** The English summary (not a translation), shown in the English pack. */
	summaryEn: string;
	force: ForceClass;
	/** Superseded or expired: quoted as background, never as current. */
	lapsed: boolean;
}

export interface PackExitDimension {
	id: string;
	items: { itemId: string; question: string; status: AnswerStatus | 'unanswered'; files: number }[];
	quotes: ExitQuote[];
	/** Cited provisions beyond those quoted. */
	moreQuotes: number;
	/** None of its applicable items cites one of our sources. */
	noSource: boolean;
}

export interface AnnexInput {
	corpus: Pick<Corpus, 'items' | 'provisions' | 'sources'>;
	path: PackPath;
	joint: boolean;
	applicable: ReadonlySet<string>;
	answers: readonly Answer[];
	evidence: readonly EvidenceFile[];
	today: string;
	lang: Lang;
}

function itemView(input: AnnexInput, ids: readonly string[]) {
	const items = new Map(input.corpus.items.map((i) => [i.id, i]));
	const answers = new Map(input.answers.map((a) => [a.itemId, a]));
	return ids
		.filter((id) => input.applicable.has(id) && items.has(id))
		.map((id) => ({
			item: items.get(id)!,
			itemId: id,
			question: items.get(id)!.question[input.lang],
			status: answers.get(id)?.status ?? ('unanswered' as const)
		}));
}

function filesOf(input: AnnexInput, itemIds: readonly string[]): AnnexFile[] {
	return latestVersions(input.evidence)
		.filter((f) => itemIds.includes(f.itemId))
		.sort(
			(a, b) =>
				itemIds.indexOf(a.itemId) - itemIds.indexOf(b.itemId) ||
				a.fileName.localeCompare(b.fileName)
		)
		.map((f) => ({
			itemId: f.itemId,
			fileName: f.fileName,
			sha256: f.sha256,
			effectiveOn: f.effectiveOn,
			expiresOn: f.expiresOn,
			review: f.reviewStatus,
			counts: (f.expiresOn === null || f.expiresOn >= input.today) && f.reviewStatus !== 'rejected'
		}));
}

/** The attachments checklist of the pack's path, each with its files; what is missing says so. */
export function packAttachments(input: AnnexInput): PackAttachment[] {
	const specs = input.path === 'csrc' ? CSRC_ATTACHMENTS : PBOC_ATTACHMENTS;
	return specs
		.filter((s) => !s.jointOnly || input.joint)
		.map((spec) => {
			const items = itemView(input, spec.items);
			const files = filesOf(
				input,
				items.map((i) => i.itemId)
			);
			return {
				id: spec.id,
				basis: spec.basis,
				research: spec.research,
				items: items.map(({ itemId, question, status }) => ({ itemId, question, status })),
				files,
				state: files.some((f) => f.counts) ? 'present' : files.length > 0 ? 'stale' : 'missing'
			};
		});
}

/** The eight exit-evaluation dimensions, each with its items, files and cited provisions quoted. */
export function packExitView(input: AnnexInput): PackExitDimension[] {
	const provisions = new Map(input.corpus.provisions.map((p) => [p.id, p]));
	const order: Record<ForceClass, number> = { binding: 0, encouraged: 1, context: 2 };
	return EXIT_DIMENSIONS.map((dim) => {
		const items = itemView(input, dim.items);
		const cited = [...new Set(items.flatMap(({ item }: { item: Item }) => item.provisions))]
			.map((id) => provisions.get(id))
			.filter((p) => p !== undefined)
			.map((p): ExitQuote => ({
				provisionId: p.id,
				citation: citeProvision(p, input.corpus.sources, input.lang),
				text: p.text_zh,
				summaryEn: p.summary_en,
				force: forceClass(p.force),
				lapsed: p.status !== 'in_force'
			}))
			// Binding first, then encouraged, then context; what has lapsed last.
			.sort((a, b) => +a.lapsed - +b.lapsed || order[a.force] - order[b.force]);
		const evidence = latestVersions(input.evidence);
		return {
			id: dim.id,
			items: items.map(({ itemId, question, status }) => ({
				itemId,
				question,
				status,
				files: evidence.filter((f) => f.itemId === itemId).length
			})),
			quotes: cited.slice(0, EXIT_QUOTES),
			moreQuotes: Math.max(0, cited.length - EXIT_QUOTES),
			noSource: cited.length === 0
		};
	});
}

/**
 * Support measures (政策支持措施) a firm like this one may ask for: the municipal government's
 * undertakings in our sources (rewards, office space, project funding, compute, talent, fintech
 * clusters, Lingang's data rules), chosen by hand and matched to the profile. They bind the
 * government, not the firm: quoted with their force as the corpus records it (context).
 */
export const SUPPORT_MEASURES: readonly { provision: string; when?: 'ftz_or_cross_border' }[] = [
	{ provision: 'ifcr2024.a39.p3' },
	{ provision: 'ifcr2024.a39.p2' },
	{ provision: 'ftap2024.c29' },
	{ provision: 'ftap2024.c15' },
	{ provision: 'ftap2024.c18' },
	{ provision: 'ftap2024.c03' },
	{ provision: 'ftap2024.c13' },
	{ provision: 'ifo2014.c10' },
	{ provision: 'ifcr2024.a53.p2' },
	{ provision: 'ifcr2024.a28', when: 'ftz_or_cross_border' }
];

/**
 * Why a support measure is policy background only, not something a firm can apply for today, from
 * the corpus's own standing and validity data: the clause was superseded, or it or its document
 * has expired (status, or an end date before today), or the corpus records that later rules
 * overtook it (a caveat on the clause, or a standing note on a non-binding document — the 2014
 * opinions: "cite it as policy background").
 */
export type SupportBackground =
	| { reason: 'superseded'; by: string | null }
	| { reason: 'expired'; on: string | null }
	| { reason: 'overtaken'; issued: string | null };

export interface SupportQuote extends ExitQuote {
	/** Null: a measure in force the firm may apply for. */
	background: SupportBackground | null;
}

export function supportBackground(
	provision: Pick<Provision, 'status' | 'effective_to' | 'superseded_by' | 'caveat'>,
	source: Pick<Source, 'binding' | 'effective_to' | 'issued_on' | 'standing'> | undefined,
	today: string
): SupportBackground | null {
	if (provision.status === 'superseded')
		return { reason: 'superseded', by: provision.superseded_by };
	const ended = [provision.effective_to, source?.effective_to]
		.filter((d): d is string => typeof d === 'string')
		.sort()[0];
	if (provision.status === 'expired') return { reason: 'expired', on: ended ?? null };
	if (ended !== undefined && ended < today) return { reason: 'expired', on: ended };
	if (provision.caveat || (source && !source.binding && source.standing))
		return { reason: 'overtaken', issued: source?.issued_on ?? null };
	return null;
}

/**
 * The end dates of the support measures (a clause's or its document's) already past on `today`:
 * what their standing depends on besides the corpus, so a cached report keyed on it lists a measure
 * as background only from the day after its document ends.
 */
export function supportDatesPassed(
	corpus: Pick<Corpus, 'provisions' | 'sources'>,
	today: string
): string[] {
	const ids = new Set(SUPPORT_MEASURES.map((m) => m.provision));
	const sources = new Map(corpus.sources.map((s) => [s.id, s]));
	const dates = corpus.provisions
		.filter((p) => ids.has(p.id))
		.flatMap((p) => [p.effective_to, sources.get(p.source)?.effective_to])
		.filter((d): d is string => typeof d === 'string' && d < today);
	return [...new Set(dates)].sort();
}

/**
 * The support measures that match the profile, quoted verbatim and cited; those that are policy
 * background only (superseded, expired, overtaken) are marked so and listed after the others.
 */
export function packSupport(
	input: Pick<AnnexInput, 'corpus' | 'today' | 'lang'> & {
		profile: Readonly<Record<string, unknown>>;
	}
): SupportQuote[] {
	const provisions = new Map(input.corpus.provisions.map((p) => [p.id, p]));
	const sources = new Map(input.corpus.sources.map((s) => [s.id, s]));
	const ftzOrCrossBorder =
		input.profile.ftz_lingang === true || input.profile.cross_border_data === true;
	return SUPPORT_MEASURES.filter((m) => m.when !== 'ftz_or_cross_border' || ftzOrCrossBorder)
		.map((m) => provisions.get(m.provision))
		.filter((p) => p !== undefined)
		.map((p): SupportQuote => {
			const standing = supportBackground(p, sources.get(p.source), input.today);
			// A successor is cited as the pack cites any provision, not by its id.
			const successor = standing?.reason === 'superseded' && provisions.get(standing.by ?? '');
			const background =
				standing?.reason === 'superseded' && successor
					? { ...standing, by: citeProvision(successor, input.corpus.sources, input.lang) }
					: standing;
			return {
				provisionId: p.id,
				citation: citeProvision(p, input.corpus.sources, input.lang),
				text: p.text_zh,
				summaryEn: p.summary_en,
				force: forceClass(p.force),
				lapsed: p.status !== 'in_force',
				background
			};
		})
		.sort((a, b) => +(a.background !== null) - +(b.background !== null));
}
