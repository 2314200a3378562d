import { imageSize } from 'image-size';
import { m } from '../../paraglide/messages';
import { LOGO_LIMITS } from '../documents/uploads/limits';
import { runUploadTask } from '../documents/uploads/run-upload';
import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	findOrganisationLogo,
	hasOrganisationLogo,
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

/** The pixel size an image's header declares, or null when the header cannot be read. */
export function logoDimensions(bytes: Uint8Array): { width: number; height: number } | null {
	try {
		const { width, height } = imageSize(bytes);
		return width && height ? { width, height } : null;
	} catch {
		return null;
	}
}

export type LogoCheck = { ok: true; mime: LogoMime } | { ok: false; message: string };

/**
 * Whether an uploaded logo may be kept: a PNG or JPEG by its magic number, at most LOGO_LIMITS in
 * pixels by its header (read before anything decodes it: a 470 KB PNG can declare 11000×11000,
 * 480 MB once decoded), and decoded by pdfmake as a report would — on an upload worker, so the
 * request thread never decodes an image.
 */
export async function checkLogo(bytes: Uint8Array): Promise<LogoCheck> {
	const mime = detectLogoMime(bytes);
	const size = mime ? logoDimensions(bytes) : null;
	if (!mime || !size) return { ok: false, message: m.branding_err_type() };
	if (size.width > LOGO_LIMITS.width || size.height > LOGO_LIMITS.height)
		return {
			ok: false,
			message: m.hostile_logo_dimensions({
				width: size.width,
				height: size.height,
				maxWidth: LOGO_LIMITS.width,
				maxHeight: LOGO_LIMITS.height
			})
		};
	const dataUrl = `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
	const decoded = await runUploadTask({ kind: 'image', dataUrl });
	if (decoded.kind !== 'image' || !decoded.embeddable)
		return { ok: false, message: m.branding_err_type() };
	return { ok: true, mime };
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

/**
 * What frames the pages a consultancy's client respondents see: the consultancy's name, and
 * whether it has a logo (served by /o/<org>/logo). Null for everyone else: a firm's own members and
 * the consultancy's staff know whose app they are in.
 */
export async function clientFraming(
	db: Database,
	membership: { orgId: string; orgName: string; orgKind: string; clientId: string | null }
): Promise<{ name: string; logo: boolean } | null> {
	if (membership.orgKind !== 'consultancy' || !membership.clientId) return null;
	return { name: membership.orgName, logo: await hasOrganisationLogo(db, membership.orgId) };
}
