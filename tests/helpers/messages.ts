// Reads the UI messages the way the inlang message-format plugin does: every path pattern listed
// in project.inlang/settings.json, one JSON file per feature and locale, merged into one table per
// locale. Tests read messages through here, never a single messages/<locale>.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

interface Settings {
	baseLocale: string;
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string | string[] };
}

export function projectSettings(): Settings {
	return JSON.parse(
		fs.readFileSync(path.join(root, 'project.inlang', 'settings.json'), 'utf8')
	) as Settings;
}

export const locales = ['zh', 'en'] as const;
export type Locale = (typeof locales)[number];

export interface MessageFile {
	/** The pattern as written in settings.json, e.g. ./messages/orgs/{locale}.json */
	pattern: string;
	/** Path relative to the repository root, e.g. messages/orgs/zh.json */
	file: string;
	locale: Locale;
	/** Whether the file is on disk (the plugin silently skips a missing one). */
	exists: boolean;
	/** The file's messages without $schema; empty when the file is missing. */
	messages: Record<string, unknown>;
}

export function pathPatterns(): string[] {
	const pattern = projectSettings()['plugin.inlang.messageFormat'].pathPattern;
	return Array.isArray(pattern) ? pattern : [pattern];
}

export function messageFiles(): MessageFile[] {
	return pathPatterns().flatMap((pattern) =>
		locales.map((locale) => {
			const file = path.posix.normalize(pattern.replace(/\{(locale|languageTag)\}/, locale));
			const full = path.join(root, file);
			const exists = fs.existsSync(full);
			const messages = exists
				? (JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>)
				: {};
			delete messages.$schema;
			return { pattern, file, locale, exists, messages };
		})
	);
}

/** Every message per locale, merged over all files (a later file wins, as in the plugin). */
export function loadMessages(): Record<Locale, Record<string, string>> {
	const merged: Record<Locale, Record<string, string>> = { zh: {}, en: {} };
	for (const f of messageFiles()) Object.assign(merged[f.locale], f.messages);
	return merged;
}
