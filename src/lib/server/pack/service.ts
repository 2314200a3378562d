import { createHash } from 'node:crypto';
import type { Lang } from '../../domain/corpus';
import { firmName } from '../../domain/identity';
import { buildFilingPack, type PackEditionKind, type PackModel } from '../../domain/filing-pack';
import { PBOC_SECTIONS, CSRC_SECTIONS } from '../../domain/pack-sections';
import { fingerprint, type PackInput } from '../../domain/pack-input';
import { packWords } from '../../labels/pack-words';
import { loadAssessmentView } from '../assessments/service';
import { audited, type Actor } from '../db/audited';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import { listEvidenceFiles } from '../db/queries/evidence-files';
import { findFilingPack, lockFilingPack, writeFilingPack } from '../db/queries/filing-packs';
import { findUserById } from '../db/queries/users';
import { renderInOrgSlot, renderPackPdfShared } from './pack-render';
import { renderPool } from '../documents/pdf/worker-pool';
import { shanghaiDate } from '../report/load-report';
import { loadConsultantVoice } from '../voice/consultant-voice';

export type PackFormat = 'docx' | 'pdf';

/** The pack form as stored (empty fields null, the validity's default filled in). */
export async function loadPackForm(
	db: Database,
	assessmentId: string
): Promise<{ input: PackInput; version: number }> {
	const { input, version } = await findFilingPack(db, assessmentId);
	return { input, version };
}

/**
 * The filing pack of an assessment as it stands: drafted afresh from the stored profile, answers
 * and evidence each time, with the pack form and people's edits laid over it.
 */
export async function loadPackModel(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		lang: Lang;
		edition?: PackEditionKind;
		now?: Date;
	}
): Promise<PackModel> {
	const { assessment } = input;
	const { corpus, answers, identity, profile, evaluation } = await loadAssessmentView(
		db,
		assessment
	);
	const pack = await findFilingPack(db, assessment.id);
	const evidence = await listEvidenceFiles(db, { assessmentId: assessment.id });
	const voice = await loadConsultantVoice(db, assessment.id);
	return buildFilingPack(
		{
			corpus,
			evaluation,
			profile,
			answers,
			input: pack.input,
			evidence,
			edits: pack.edits,
			firm: firmName(identity),
			today: shanghaiDate(input.now ?? new Date()),
			answered: answers
				.filter((a) => a.status !== 'not_applicable')
				.map((a) => ({ itemId: a.itemId, on: shanghaiDate(a.updatedAt) })),
			voice,
			lang: input.lang,
			edition: input.edition ?? 'full'
		},
		packWords()
	);
}

export async function packFile(
	db: Database,
	input: { assessment: AssessmentRecord; lang: Lang; edition: PackEditionKind; format: PackFormat }
): Promise<{ bytes: Uint8Array; fileName: string; asciiName: string; timing: string }> {
	const model = await loadPackModel(db, input);
	let bytes: Uint8Array;
	let timing: string;
	if (input.format === 'docx') {
		// On the report workers, within the organisation's render slots, as the PDF.
		const rendered = await renderInOrgSlot(
			db,
			{
				orgId: input.assessment.orgId,
				kind: 'pack-docx',
				key: createHash('sha256').update(JSON.stringify(model)).digest('hex')
			},
			() => renderPool().renderPackDocx(model)
		);
		bytes = rendered.bytes;
		timing = `render;dur=${Math.round(rendered.ms)};desc="docx-${rendered.renderer}"`;
	} else {
		// Off the request thread, within the organisation's render slots (ReportBusy when none is free).
		const rendered = await renderPackPdfShared(db, { orgId: input.assessment.orgId, model });
		bytes = rendered.bytes;
		timing = `render;dur=${Math.round(rendered.ms)};desc="${rendered.renderer}"`;
	}
	const kind = input.edition === 'public' ? (input.lang === 'zh' ? '公示版' : 'public') : '';
	const title = input.lang === 'zh' ? '申报材料' : 'filing-pack';
	return {
		bytes,
		timing,
		fileName: [title, kind, model.firm, model.date].filter(Boolean).join('-') + `.${input.format}`,
		asciiName: ['filing-pack', input.edition === 'public' ? 'public' : '', input.lang, model.date]
			.filter(Boolean)
			.join('-')
			.concat(`.${input.format}`)
	};
}

export type PackSaveResult =
	| { ok: true; version: number }
	| { ok: false; reason: 'conflict'; current: { input: PackInput; version: number } };

/**
 * Saves the pack form; a `pack.form_saved` row with the fields before and after. With
 * `expectedVersion` (the API, and the page's form), a pack saved by someone else since is refused
 * with the current form and nothing is written.
 */
export async function savePackInput(
	db: Database,
	actor: Actor,
	input: { assessment: AssessmentRecord; input: PackInput; expectedVersion?: number }
): Promise<PackSaveResult> {
	return audited(db, actor, async (tx): Promise<PackSaveResult> => {
		const current = await lockFilingPack(tx, input.assessment.id);
		if (input.expectedVersion !== undefined && input.expectedVersion !== current.version)
			return {
				ok: false,
				reason: 'conflict',
				current: { input: current.input, version: current.version }
			};
		const before = await writeFilingPack(tx, {
			assessmentId: input.assessment.id,
			pack: { ...current, input: input.input },
			userId: actor.userId
		});
		tx.record({
			action: 'pack.form_saved',
			orgId: input.assessment.orgId,
			entity: { type: 'assessment', id: input.assessment.id },
			assessmentId: input.assessment.id,
			before: before.input,
			after: input.input
		});
		return { ok: true, version: current.version + 1 };
	});
}

export const packSectionIds = [...PBOC_SECTIONS, ...CSRC_SECTIONS].map((s) => s.id);

/**
 * Keeps what a person wrote over a drafted section (empty text: back to the draft), with the
 * fingerprint of the draft they saw, so a regenerated pack keeps the edit and says when the draft
 * beneath changed. A `pack.section_edited` row with the text before and after.
 */
export async function savePackEdit(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		section: string;
		text: string;
		baseHash: string;
		/** editFingerprint of the text the person's form showed; omitted: no check. */
		expectedEditHash?: string;
		now?: Date;
	}
): Promise<PackEditResult> {
	if (!packSectionIds.includes(input.section)) return { ok: false, reason: 'unknown_section' };
	const editor = actor.userId ? ((await findUserById(db, actor.userId))?.name ?? null) : null;
	return audited(db, actor, async (tx): Promise<PackEditResult> => {
		// Locked, as the form's save locks it: neither writes the row back over the other.
		const current = await lockFilingPack(tx, input.assessment.id);
		const stored = current.edits[input.section] ?? null;
		if (
			input.expectedEditHash !== undefined &&
			input.expectedEditHash !== editFingerprint(stored?.text ?? null) &&
			(stored?.text ?? '') !== input.text
		)
			return {
				ok: false,
				reason: 'conflict',
				current: { text: stored?.text ?? '', editedBy: stored?.editedBy ?? null }
			};
		const edits = { ...current.edits };
		if (input.text === '') delete edits[input.section];
		else
			edits[input.section] = {
				text: input.text,
				baseHash: input.baseHash,
				editedAt: shanghaiDate(input.now ?? new Date()),
				editedBy: editor
			};
		await writeFilingPack(tx, {
			assessmentId: input.assessment.id,
			pack: { ...current, edits },
			userId: actor.userId
		});
		tx.record({
			action: 'pack.section_edited',
			orgId: input.assessment.orgId,
			entity: { type: 'assessment', id: input.assessment.id },
			assessmentId: input.assessment.id,
			before: { section: input.section, text: stored?.text ?? null },
			after: { section: input.section, text: input.text || null }
		});
		return { ok: true };
	});
}

export type PackEditResult =
	| { ok: true }
	| { ok: false; reason: 'unknown_section' }
	| { ok: false; reason: 'conflict'; current: { text: string; editedBy: string | null } };

/** The fingerprint a section's edit form carries of the person's text it showed ('' for none). */
export function editFingerprint(text: string | null): string {
	return text ? fingerprint(text) : '';
}
