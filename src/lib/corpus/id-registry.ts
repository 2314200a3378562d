import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../domain/corpus';

/**
 * seeds/id-registry.json records every provision and item id ever issued. An id may be retired,
 * never reused or silently dropped: answers and reports refer to items by id across versions.
 */
export interface IdRegistry {
	provisions: Record<string, 'active' | 'retired'>;
	items: Record<string, 'active' | 'retired'>;
}

export function readIdRegistry(seedsDir: string): IdRegistry | null {
	const file = path.join(seedsDir, 'id-registry.json');
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as IdRegistry) : null;
}

export function idRegistryProblems(corpus: Corpus, registry: IdRegistry | null): string[] {
	if (!registry) return ['seeds/id-registry.json is missing'];
	const problems: string[] = [];
	const compare = (kind: 'provisions' | 'items', ids: string[]) => {
		const present = new Set(ids);
		for (const id of ids) {
			const state = registry[kind][id];
			if (state === undefined)
				problems.push(`${kind} id ${id} is not in seeds/id-registry.json: add it as "active"`);
			if (state === 'retired') problems.push(`${kind} id ${id} was retired and must not be reused`);
		}
		for (const [id, state] of Object.entries(registry[kind])) {
			if (state === 'active' && !present.has(id)) {
				problems.push(`${kind} id ${id} disappeared: mark it "retired" in seeds/id-registry.json`);
			}
		}
	};
	compare(
		'provisions',
		corpus.provisions.map((p) => p.id)
	);
	compare(
		'items',
		corpus.items.map((i) => i.id)
	);
	return problems;
}

export function buildIdRegistry(corpus: Corpus, previous: IdRegistry | null): IdRegistry {
	const merge = (kind: 'provisions' | 'items', ids: string[]) => {
		const out: Record<string, 'active' | 'retired'> = {};
		// Whatever was issued before and is gone now is retired for good.
		for (const id of Object.keys(previous?.[kind] ?? {})) out[id] = 'retired';
		for (const id of ids) out[id] = 'active';
		return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
	};
	return {
		provisions: merge(
			'provisions',
			corpus.provisions.map((p) => p.id)
		),
		items: merge(
			'items',
			corpus.items.map((i) => i.id)
		)
	};
}
