import { error } from '@sveltejs/kit';
import { addressees, forces, provisionStatuses, severities, type Corpus } from '$lib/domain/corpus';
import { listTopics, type ItemFilter, type ProvisionFilter } from '$lib/domain/library-filter';
import { SEARCH_MAX_CHARS } from '$lib/domain/library-search';
import { m } from '$lib/paraglide/messages';
import { z } from '$lib/schemas/zod';

// A GET form sends "" for "All": treat it as absent.
const blank = (value: unknown) => (value === '' ? undefined : value);
const choice = <T extends string>(values: readonly T[]) =>
	z.preprocess(blank, z.enum(values as [T, ...T[]]).optional()).transform((v) => v ?? null);
const pageNumber = z
	.preprocess(blank, z.coerce.number().int().min(1).max(10_000).optional())
	.transform((v) => v ?? 1);
// The search reads at most SEARCH_MAX_CHARS; a longer query is refused rather than cut unseen.
const search = z
	.preprocess(blank, z.string().trim().max(SEARCH_MAX_CHARS).optional())
	.transform((v) => v || null);

// Sources, topics and domains come from the corpus, so the schemas are built once per version.
const schemas = new WeakMap<Corpus, ReturnType<typeof buildSchemas>>();

function buildSchemas(corpus: Corpus) {
	return {
		provisions: z.object({
			q: search,
			source: choice(corpus.sources.map((s) => s.id)),
			topic: choice(listTopics(corpus.provisions)),
			force: choice(forces),
			addressee: choice(addressees),
			status: choice(provisionStatuses),
			page: pageNumber
		}),
		items: z.object({
			q: search,
			domain: choice(corpus.domains.map((d) => d.id)),
			severity: choice(severities),
			source: choice(corpus.sources.map((s) => s.id))
		})
	};
}

function schemasFor(corpus: Corpus) {
	let built = schemas.get(corpus);
	if (!built) schemas.set(corpus, (built = buildSchemas(corpus)));
	return built;
}

function parse<T>(schema: z.ZodType<T>, url: URL): T {
	const result = schema.safeParse(Object.fromEntries(url.searchParams));
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const param = String(issue?.path[0] ?? '');
	error(400, `${m.library_err_param({ param })} ${issue?.message ?? ''}`.trim());
}

/** The provision list's filters from the query string; an unknown value is a 400 naming the parameter. */
export const parseProvisionFilter = (
	corpus: Corpus,
	url: URL
): ProvisionFilter & { page: number } => parse(schemasFor(corpus).provisions, url);

/** The item list's filters from the query string; an unknown value is a 400 naming the parameter. */
export const parseItemFilter = (corpus: Corpus, url: URL): ItemFilter =>
	parse(schemasFor(corpus).items, url);

/** The same list on another page, keeping every filter. */
export function pageHref(url: URL, page: number): string {
	const params = new URLSearchParams(url.searchParams);
	params.set('page', String(page));
	return `${url.pathname}?${params}`;
}
