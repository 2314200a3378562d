declare module 'linebreak' {
	/** Unicode line-breaking (UAX #14): where a line may break in a text. */
	export default class LineBreaker {
		constructor(text: string);
		nextBreak(): { position: number; required: boolean } | null;
	}
}
