/**
 * A browser's User-Agent header as a person recognises their own device in a list of sessions:
 * "Chrome 131 · Windows", "Safari · iPhone", "WeChat · Android". Null when nothing is recognised
 * (the page then shows the raw header, shortened). Order matters: Edge and WeChat also say Chrome,
 * Chrome also says Safari.
 */
export function describeUserAgent(ua: string | null | undefined): string | null {
	if (!ua) return null;
	const browser =
		match(ua, /MicroMessenger\/([\d]+)/, 'WeChat') ??
		match(ua, /Edg(?:e|A|iOS)?\/(\d+)/, 'Edge') ??
		match(ua, /(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/, 'Chrome') ??
		match(ua, /(?:Firefox|FxiOS)\/(\d+)/, 'Firefox') ??
		match(ua, /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari');
	const os = /iPhone/.test(ua)
		? 'iPhone'
		: /iPad/.test(ua)
			? 'iPad'
			: /Android/.test(ua)
				? 'Android'
				: /Windows/.test(ua)
					? 'Windows'
					: /Mac OS X|Macintosh/.test(ua)
						? 'macOS'
						: /CrOS/.test(ua)
							? 'ChromeOS'
							: /Linux/.test(ua)
								? 'Linux'
								: null;
	if (!browser && !os) return null;
	return [browser, os].filter(Boolean).join(' · ');
}

function match(ua: string, pattern: RegExp, name: string): string | null {
	const found = pattern.exec(ua);
	return found ? `${name} ${found[1]}` : null;
}
