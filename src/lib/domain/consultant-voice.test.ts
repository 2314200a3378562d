import { describe, expect, it } from 'vitest';
import { voiceText } from './report-model';

describe("the consultant's words in the report's language", () => {
	const both = { zh: '建议暂缓申请。', en: 'We advise waiting.' };
	it('prints the language of the report, both in a bilingual one, Chinese first', () => {
		expect(voiceText(both, 'zh')).toEqual({ main: '建议暂缓申请。', alt: null });
		expect(voiceText(both, 'en')).toEqual({ main: 'We advise waiting.', alt: null });
		expect(voiceText(both, 'both')).toEqual({ main: '建议暂缓申请。', alt: 'We advise waiting.' });
	});
	it('prints the one language written rather than nothing, and nothing when none was', () => {
		expect(voiceText({ zh: '', en: 'Only English.' }, 'zh')).toEqual({
			main: 'Only English.',
			alt: null
		});
		expect(voiceText({ zh: '仅中文', en: ' ' }, 'both')).toEqual({ main: '仅中文', alt: null });
		expect(voiceText({ zh: ' ', en: '' }, 'en')).toBeNull();
		expect(voiceText(undefined, 'zh')).toBeNull();
	});
});
