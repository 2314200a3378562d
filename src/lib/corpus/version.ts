import { createHash } from 'node:crypto';
import type { Corpus } from '../domain/corpus';

/** Canonical JSON: keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** The questionnaire version: SHA-256 of the corpus content. */
export function corpusHash(corpus: Corpus): string {
	return createHash('sha256').update(canonicalJson(corpus)).digest('hex');
}
