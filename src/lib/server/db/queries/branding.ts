import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export type LogoMime = 'image/png' | 'image/jpeg';

export interface OrganisationLogo {
	bytes: Uint8Array;
	mime: LogoMime;
}

/** The organisation's logo, or null when it has none. */
export async function findOrganisationLogo(
	db: Database,
	orgId: string
): Promise<OrganisationLogo | null> {
	const row = await db
		.selectFrom('organisations')
		.select(['logo', 'logo_mime'])
		.where('id', '=', orgId)
		.executeTakeFirst();
	if (!row?.logo || !row.logo_mime) return null;
	return { bytes: new Uint8Array(row.logo), mime: row.logo_mime as LogoMime };
}

/** Sets (or, with null, removes) the organisation's logo. */
export async function updateOrganisationLogo(
	tx: AuditedTx,
	orgId: string,
	logo: OrganisationLogo | null
): Promise<void> {
	await tx.db
		.updateTable('organisations')
		.set({ logo: logo?.bytes ?? null, logo_mime: logo?.mime ?? null })
		.where('id', '=', orgId)
		.execute();
}

/** Whether the organisation has a logo, without reading its bytes (every page a client sees asks). */
export async function hasOrganisationLogo(db: Database, orgId: string): Promise<boolean> {
	const row = await db
		.selectFrom('organisations')
		.select((eb) => eb('logo_mime', 'is not', null).as('has'))
		.where('id', '=', orgId)
		.executeTakeFirst();
	return Boolean(row?.has);
}
