import fs from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../domain/corpus';

/**
 * seeds/id-registry.json records every provision and item id ever issued. An id may be retired,
 * never reused or silently dropped: answers and reports refer to items by id across versions.
 *
 * A retired item that was merged into others or split into parts names its successors:
 * `"FND-002": { "status": "retired", "replaced_by": ["IFR-003"] }`. The version move carries an
 * answer of a retired item to its successors ("carried over, please confirm").
 */
export type RegistryEntry =
	'active' | 'retired' | { status: 'retired'; replaced_by: string[]; reason?: string };

export interface IdRegistry {
	provisions: Record<string, RegistryEntry>;
	items: Record<string, RegistryEntry>;
}

export function entryStatus(entry: RegistryEntry | undefined): 'active' | 'retired' | undefined {
	return typeof entry === 'object' ? entry.status : entry;
}

/** The ids that replaced a retired item, followed through successive retirements; [] if none. */
export function replacedBy(registry: IdRegistry, itemId: string): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	const visit = (id: string) => {
		if (seen.has(id)) return;
		seen.add(id);
		const entry = registry.items[id];
		if (typeof entry === 'object') entry.replaced_by.forEach(visit);
		else if (entry === 'active' && id !== itemId) out.push(id);
	};
	visit(itemId);
	return out;
}

/** Every retired item with successors, as `retired id → active successor ids`. */
export function replacements(registry: IdRegistry): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [id, entry] of Object.entries(registry.items)) {
		if (typeof entry === 'object') out[id] = replacedBy(registry, id);
	}
	return out;
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
			const state = entryStatus(registry[kind][id]);
			if (state === undefined)
				problems.push(`${kind} id ${id} is not in seeds/id-registry.json: add it as "active"`);
			if (state === 'retired') problems.push(`${kind} id ${id} was retired and must not be reused`);
		}
		for (const [id, entry] of Object.entries(registry[kind])) {
			if (entryStatus(entry) === 'active' && !present.has(id)) {
				problems.push(`${kind} id ${id} disappeared: mark it "retired" in seeds/id-registry.json`);
			}
			if (typeof entry === 'object') {
				if (entry.replaced_by.length === 0)
					problems.push(`${kind} id ${id}: replaced_by names no successor`);
				for (const next of entry.replaced_by) {
					if (registry[kind][next] === undefined)
						problems.push(`${kind} id ${id}: replaced_by names ${next}, an id never issued`);
				}
				if (kind === 'items' && replacedBy(registry, id).length === 0)
					problems.push(`items id ${id}: replaced_by leads to no active item`);
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
		const out: Record<string, RegistryEntry> = {};
		// Whatever was issued before and is gone now is retired for good; successors recorded by
		// hand (replaced_by) are kept.
		for (const [id, entry] of Object.entries(previous?.[kind] ?? {}))
			out[id] = typeof entry === 'object' ? entry : 'retired';
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
