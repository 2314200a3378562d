import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { FormNotice } from '$lib/forms';
import { deleteSchema, purgeSchema, type DeleteForm, type PurgeForm } from '$lib/schemas/lifecycle';
import { m } from '$lib/paraglide/messages';
import type { Actor } from '../../db/audited';
import type { Database } from '../../db/connection';
import type { Role } from '../../db/schema';
import { purgeDueAt, type LifecycleMove } from '../../assessments/lifecycle';
import { runtime } from '../runtime';
import { shanghaiDay } from '../../jobs/schedule';
import { readServerEnv } from '../../env';

/*
 * What the lifecycle pages of an assessment and of a client share: the forms, the purge date,
 * the deletion's ticked box and the purge's typed name, checked the same way.
 */

const graceDays = readServerEnv().deletionGraceDays;

const purgeForm = () => superValidate<PurgeForm, FormNotice>(zod4(purgeSchema), { id: 'purge' });
const deleteForm = () =>
	superValidate<DeleteForm, FormNotice>(zod4(deleteSchema), { id: 'delete', errors: false });

/** What a lifecycle page shows of where the record stands, and its forms. */
export async function lifecycleData(
	record: { archivedAt: Date | null; deletedAt: Date | null },
	mayPurge: boolean
) {
	return {
		archivedAt: record.archivedAt,
		deletedAt: record.deletedAt,
		purgeOn: record.deletedAt ? shanghaiDay(purgeDueAt(record.deletedAt, graceDays)) : null,
		graceDays,
		mayPurge: mayPurge && record.deletedAt !== null,
		purgeForm: await purgeForm(),
		deleteForm: await deleteForm()
	};
}

/** The Shanghai day of a moment (when a record was archived, say). */
export const shanghaiDayOf = (at: Date) => shanghaiDay(at);

/** When a deleted record (of a list's deleted shelf) will be purged: a Shanghai day. */
export const purgeDayOf = (deletedAt: Date) => shanghaiDay(purgeDueAt(deletedAt, graceDays));

/** The deletion's ticked box: null when ticked, else the failure to answer (400, on the field). */
export async function refuseUnconfirmedDelete(event: RequestEvent) {
	const form = await superValidate<DeleteForm, FormNotice>(event.request, zod4(deleteSchema), {
		id: 'delete'
	});
	return form.valid ? null : fail(400, { deleteForm: form });
}

/**
 * The purge's typed confirmation: null when `expected` (the title or name) was typed and the
 * record is deleted, else the failure to answer on the form.
 */
export async function refuseUnconfirmedPurge(
	event: RequestEvent,
	input: { deleted: boolean; expected: string; wrongShelf: string; wrongName: string }
) {
	const form = await superValidate<PurgeForm, FormNotice>(event.request, zod4(purgeSchema), {
		id: 'purge'
	});
	if (!form.valid) return fail(400, { purgeForm: form });
	if (!input.deleted)
		return message(form, { type: 'error', text: input.wrongShelf }, { status: 409 });
	if (form.data.confirmation !== input.expected.trim())
		return setError(form, 'confirmation', input.wrongName, { status: 400 });
	return null;
}

interface Shelved {
	id: string;
	orgId: string;
	archivedAt: Date | null;
	deletedAt: Date | null;
}

/** How one kind of record (an assessment, a client) is found, moved, purged and named. */
export interface LifecycleRoute<E extends RequestEvent, R extends Shelved> {
	/** The record for those who may move it (anyone else: 404), deleted ones included. */
	find: (event: E) => Promise<{ record: R; actor: Actor; membership: { role: Role } }>;
	move: (
		db: Database,
		actor: Actor,
		record: R,
		move: LifecycleMove
	) => Promise<{ ok: true } | { ok: false; reason: string }>;
	purge: (db: Database, actor: Actor, record: R) => Promise<boolean>;
	/** What the purge's confirmation must repeat: the title or name. */
	nameOf: (record: R) => string;
	/** Its lifecycle page (after a deletion), and the list's deleted shelf (after a purge). */
	pageOf: (record: R) => string;
	deletedListOf: (record: R) => string;
	words: {
		refused: (reason: string) => string;
		wrongName: () => string;
	};
}

/**
 * The four actions of a lifecycle page: archive, restore, delete (confirmed by a ticked box, no
 * JavaScript needed) and purge (an owner's only, of a deleted record, confirmed by its name).
 */
export function lifecycleActions<E extends RequestEvent, R extends Shelved>(
	route: LifecycleRoute<E, R>
) {
	const act = (move: LifecycleMove) => async (event: E) => {
		const { record, actor } = await route.find(event);
		if (move === 'delete') {
			const unconfirmed = await refuseUnconfirmedDelete(event);
			if (unconfirmed) return unconfirmed;
		}
		const result = await route.move(runtime().db, actor, record, move);
		if (!result.ok) return fail(409, { moveError: route.words.refused(result.reason) });
		if (move === 'delete') redirect(303, route.pageOf(record));
		return {
			moved: move,
			done: move === 'archive' ? m.engagement_archived_done() : m.engagement_restored_done()
		};
	};
	return {
		archive: act('archive'),
		restore: act('restore'),
		delete: act('delete'),
		purge: async (event: E) => {
			const { record, actor, membership } = await route.find(event);
			if (membership.role !== 'owner') error(403, 'Forbidden');
			const unconfirmed = await refuseUnconfirmedPurge(event, {
				deleted: record.deletedAt !== null,
				expected: route.nameOf(record),
				wrongShelf: route.words.refused('wrong_shelf'),
				wrongName: route.words.wrongName()
			});
			if (unconfirmed) return unconfirmed;
			if (!(await route.purge(runtime().db, actor, record)))
				return fail(409, { moveError: route.words.refused('in_use') });
			redirect(303, route.deletedListOf(record));
		}
	};
}
