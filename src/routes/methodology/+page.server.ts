import { methodology } from '$lib/domain/methodology';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ methodology: methodology(getLocale()) });
