import type { Database } from '../db/connection';
import { updateOrganisationLogo, type LogoMime } from '../db/queries/branding';
import { insertAuditEntry } from '../db/queries/audit-log';

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
	input: { orgId: string; actorId: string; logo: { bytes: Uint8Array; mime: LogoMime } | null }
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await updateOrganisationLogo(tx, input.orgId, input.logo);
		await insertAuditEntry(tx, {
			orgId: input.orgId,
			assessmentId: null,
			itemId: null,
			actorId: input.actorId,
			action: input.logo ? 'organisation.logo_set' : 'organisation.logo_removed',
			oldValue: null,
			newValue: input.logo ? { mime: input.logo.mime, bytes: input.logo.bytes.byteLength } : null
		});
	});
}
