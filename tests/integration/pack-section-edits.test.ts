import { describe, expect, it } from 'vitest';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';

/*
 * Two people editing the filing pack at once: a section one of them changed since the other
 * opened the page is not overwritten unawares, and no section edit writes the pack back over a
 * form saved meanwhile (the row is locked as the form's save locks it).
 */

const SLOW = 180_000;
const SECTION = 'risk_prevention';

async function twoEditors() {
	const owner = new Browser(undefined, { lang: 'en' });
	const { orgId } = await signUp(owner);
	const base = await startAssessment(owner, orgId);
	await saveProfile(owner, base, 0);
	const colleague = await joinByInvitation(await inviteMember(owner, orgId, 'consultant'));
	return { owner, colleague, base };
}

/** The hidden fields of a section's edit form, as the page rendered them. */
async function editFormOf(browser: Browser, base: string, section: string) {
	const html = (await browser.get(`${base}/pack`)).body;
	const form = html.slice(html.indexOf(`id="section-${section}"`));
	const field = (name: string) => new RegExp(`name="${name}" value="([0-9a-f]*)"`).exec(form)![1]!;
	return { base_hash: field('base_hash'), edit_hash: field('edit_hash') };
}

function saveEdit(
	browser: Browser,
	base: string,
	fields: { base_hash: string; edit_hash: string },
	text: string
) {
	return browser.post(`${base}/pack?/edit`, {
		__superform_id: `edit-${SECTION}`,
		section: SECTION,
		text,
		...fields
	});
}

describe('filing pack section edits by two people', () => {
	it(
		'refuses an edit over a section changed since the page was opened, keeping both texts',
		async () => {
			const { owner, colleague, base } = await twoEditors();
			const mine = await editFormOf(owner, base, SECTION);
			const theirs = await editFormOf(colleague, base, SECTION);
			const colleagueText = 'Risk compensation fund of CNY 5m, held in escrow.';
			expect((await saveEdit(colleague, base, theirs, colleagueText)).status).toBe(200);

			const ownerText = 'Risk reserve set aside monthly.';
			const late = await saveEdit(owner, base, mine, ownerText);
			expect(late.status).toBe(409);
			expect(late.text).toContain('changed this section after you opened the page');
			// Theirs is quoted, and what the owner typed is still in the form.
			expect(late.text).toContain(colleagueText);
			expect(late.body).toContain(ownerText);
			const stored = (await owner.get(`${base}/pack`)).body;
			expect(stored).toContain(colleagueText);

			// Having been told, the owner saves again from the form the 409 gave back: theirs replaces.
			const told = /name="edit_hash" value="([0-9a-f]*)"/.exec(
				late.body.slice(late.body.indexOf(`id="section-${SECTION}"`))
			)![1]!;
			const again = await saveEdit(owner, base, { ...mine, edit_hash: told }, ownerText);
			expect(again.status).toBe(200);
			const after = (await owner.get(`${base}/pack`)).body;
			expect(after).toContain(ownerText);

			// The same text sent twice (a retry) is not a conflict.
			expect((await saveEdit(owner, base, { ...mine, edit_hash: told }, ownerText)).status).toBe(
				200
			);
		},
		SLOW
	);

	it(
		'never writes a section edit back over a pack form saved at the same moment',
		async () => {
			const { owner, colleague, base } = await twoEditors();
			const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
			for (let round = 0; round < 6; round++) {
				const fields = await editFormOf(colleague, base, SECTION);
				const opened = version((await owner.get(`${base}/pack`)).body);
				const name = `Cross-border settlement ${round}`;
				const [form, edit] = await Promise.all([
					owner.post(`${base}/pack?/save`, { version: opened, service_name: name }),
					saveEdit(colleague, base, fields, `Edit ${round}`)
				]);
				expect(edit.status).toBe(200);
				const page = (await owner.get(`${base}/pack`)).body;
				expect(page).toContain(`Edit ${round}`);
				// The form's save either went in whole or was refused as a conflict: never undone.
				if (form.status === 200) expect(page).toContain(name);
				else expect(form.status).toBe(409);
			}
		},
		SLOW
	);
});
