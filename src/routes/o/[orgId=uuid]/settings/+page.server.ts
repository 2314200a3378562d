import { apiTokenActions, loadApiTokens } from '$lib/server/api/token-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({ ...(await loadApiTokens(event)) });

export const actions: Actions = { ...apiTokenActions };
