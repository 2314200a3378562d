import type { Migration } from 'kysely';
import * as accounts from './2026_11_22_000100_accounts';
import * as questionnaireVersions from './2026_11_22_000200_questionnaire_versions';
import * as assessments from './2026_11_22_000300_assessments';
import * as reportCache from './2026_11_22_000400_report_cache';
import * as consultancy from './2026_11_22_000500_consultancy';
import * as review from './2026_11_22_000600_review';
import * as firmIdentity from './2026_12_01_113000_firm_identity';
import * as auditLogActors from './2026_12_01_121300_audit_log_actors';
import * as userVerificationLanguage from './2026_12_01_142739_user_verification_language';
import * as accessRevoke from './2026_12_01_143400_access_revoke';
import * as mailAndSecurity from './2026_12_01_145140_mail_and_security';
import * as profileScoping from './2026_12_01_143700_profile_scoping';
import * as sealedTotpKeys from './2026_12_01_190000_sealed_totp_keys';
import * as reportRenderLeases from './2026_12_01_193000_report_render_leases';
import * as issuedReports from './2026_12_01_200000_issued_reports';
import * as gapActions from './2026_12_01_200100_gap_actions';
import * as evidenceFiles from './2026_12_01_201000_evidence_files';
import * as finaliseOverrides from './2026_12_01_202000_finalise_overrides';
import * as jobs from './2026_12_01_202100_jobs';
import * as assessmentParts from './2026_12_01_202200_assessment_parts';
import * as filingPacks from './2026_12_02_001000_filing_packs';
import * as consultantVoice from './2026_12_02_002000_consultant_voice';
import * as assessmentSchedule from './2026_12_02_003000_assessment_schedule';
import * as assessmentLifecycle from './2026_12_02_003010_assessment_lifecycle';
import * as notifications from './2026_12_02_004100_notifications';
import * as filingPackVersion from './2026_12_02_004200_filing_pack_version';
import * as issuedReportComments from './2026_12_02_005100_issued_report_comments';
import * as clientLifecycle from './2026_12_02_151000_client_lifecycle';

/**
 * Every migration, in order. A static list (not a directory scan) so the same provider works in the
 * built server, in vitest and in the tsx CLI; tests/unit/migrations.test.ts checks nothing is missing.
 */
export const migrations: Record<string, Migration> = {
	'2026_11_22_000100_accounts': accounts,
	'2026_11_22_000200_questionnaire_versions': questionnaireVersions,
	'2026_11_22_000300_assessments': assessments,
	'2026_11_22_000400_report_cache': reportCache,
	'2026_11_22_000500_consultancy': consultancy,
	'2026_11_22_000600_review': review,
	'2026_12_01_113000_firm_identity': firmIdentity,
	'2026_12_01_121300_audit_log_actors': auditLogActors,
	'2026_12_01_142739_user_verification_language': userVerificationLanguage,
	'2026_12_01_143400_access_revoke': accessRevoke,
	'2026_12_01_143700_profile_scoping': profileScoping,
	'2026_12_01_145140_mail_and_security': mailAndSecurity,
	'2026_12_01_190000_sealed_totp_keys': sealedTotpKeys,
	'2026_12_01_193000_report_render_leases': reportRenderLeases,
	'2026_12_01_200000_issued_reports': issuedReports,
	'2026_12_01_200100_gap_actions': gapActions,
	'2026_12_01_201000_evidence_files': evidenceFiles,
	'2026_12_01_202000_finalise_overrides': finaliseOverrides,
	'2026_12_01_202100_jobs': jobs,
	'2026_12_01_202200_assessment_parts': assessmentParts,
	'2026_12_02_001000_filing_packs': filingPacks,
	'2026_12_02_002000_consultant_voice': consultantVoice,
	'2026_12_02_003000_assessment_schedule': assessmentSchedule,
	'2026_12_02_003010_assessment_lifecycle': assessmentLifecycle,
	'2026_12_02_004100_notifications': notifications,
	'2026_12_02_004200_filing_pack_version': filingPackVersion,
	'2026_12_02_005100_issued_report_comments': issuedReportComments,
	'2026_12_02_151000_client_lifecycle': clientLifecycle
};
