import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	findOrganisationLogo,
	updateOrganisationLogo,
	type LogoMime
} from '../db/queries/branding';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** What the bytes are, by their magic number, never by the name or type the browser claims. */
export function detectLogoMime(bytes: Uint8Array): LogoMime | null {
	const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
	if (starts(PNG)) return 'image/png';
	if (starts(JPEG)) return 'image/jpeg';
	return null;
}

/** Sets the organisation's logo (or removes it with null), audited without the bytes. */
export async function setOrganisationLogo(
	db: Database,
	actor: Actor,
	input: { orgId: string; logo: { bytes: Uint8Array; mime: LogoMime } | null }
): Promise<void> {
	await audited(db, actor, async (tx) => {
		const before = await findOrganisationLogo(tx.db, input.orgId);
		await updateOrganisationLogo(tx, input.orgId, input.logo);
		tx.record({
			action: input.logo ? 'organisation.logo_set' : 'organisation.logo_removed',
			orgId: input.orgId,
			entity: { type: 'organisation', id: input.orgId },
			before: before ? { mime: before.mime, bytes: before.bytes.byteLength } : null,
			after: input.logo ? { mime: input.logo.mime, bytes: input.logo.bytes.byteLength } : null
		});
	});
}

/** The organisation's logo, or null. */
export function organisationLogo(db: Database, orgId: string) {
	return findOrganisationLogo(db, orgId);
}
