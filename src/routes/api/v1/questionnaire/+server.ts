import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { currentQuestionnaire } from '$lib/server/corpus';
import { itemWithRuleStandings } from '$lib/domain/rule-standing';

export const GET = apiEndpoint('getQuestionnaire', async () => {
	const { hash, corpus } = currentQuestionnaire();
	return { version: hash, items: corpus.items.map(itemWithRuleStandings) };
});
