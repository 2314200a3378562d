import type { RestrictedTerm } from './corpus';
import type { Profile } from './profile';

export interface ProfileFinding {
	code: 'restricted_term';
	field: 'registered_name' | 'business_scope';
	term: string;
	provisions: string[];
	conflict: string | null;
	/** A licensed institution may carry the words its licence allows: confirm rather than remove. */
	licensed: boolean;
}

/**
 * Restricted financial words in the registered name and business scope. Where one term contains
 * another (互联网金融 ⊃ 金融), only the longer is reported, at each place it occurs.
 */
export function findRestrictedTerms(
	profile: Profile,
	terms: readonly RestrictedTerm[]
): ProfileFinding[] {
	const licensed = profile.org_type === 'licensed_institution';
	const findings: ProfileFinding[] = [];
	const longestFirst = [...terms].sort((a, b) => b.term.length - a.term.length);
	for (const field of ['registered_name', 'business_scope'] as const) {
		const value = profile[field];
		if (typeof value !== 'string' || value.trim() === '') continue;
		const haystack = value.toUpperCase();
		const covered: boolean[] = new Array(haystack.length).fill(false);
		for (const term of longestFirst) {
			const needle = term.term.toUpperCase();
			let found = false;
			for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
				if (covered.slice(at, at + needle.length).every((c) => c)) continue;
				for (let i = at; i < at + needle.length; i++) covered[i] = true;
				found = true;
			}
			if (found) {
				findings.push({
					code: 'restricted_term',
					field,
					term: term.term,
					provisions: term.provisions,
					conflict: term.conflict,
					licensed
				});
			}
		}
	}
	return findings;
}
