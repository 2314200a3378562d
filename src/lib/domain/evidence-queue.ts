import type { EvidenceAttention } from './evidence';

/** One file of the dashboards' "evidence expiring" queue: which assessment, which item, when. */
export type ExpiringEvidenceEntry = EvidenceAttention['expiring'][number] & {
	assessmentId: string;
	assessmentTitle: string;
	/** The client, on a consultancy's dashboard; null on a firm's. */
	clientName: string | null;
};
