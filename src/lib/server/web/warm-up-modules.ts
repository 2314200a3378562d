/**
 * Every route's server modules, loaded once at start-up (after /healthz has first answered) rather
 * than by the first request that needs each: a module's first load runs on the request thread and
 * holds every other request meanwhile. Some take long: exceljs (half a second or more), zxcvbn's
 * dictionaries (0.3 s to build), archiver, docx, nodemailer. One module at a time, with a turn of
 * the event loop between, so requests that come meanwhile wait for one module, not for all.
 */
const routeModules = import.meta.glob([
	'/src/routes/**/+page.server.ts',
	'/src/routes/**/+layout.server.ts',
	'/src/routes/**/+server.ts'
]);

export async function warmUpModules(): Promise<number> {
	let loaded = 0;
	for (const load of Object.values(routeModules)) {
		await load();
		loaded++;
		await new Promise((resolve) => setImmediate(resolve));
	}
	return loaded;
}
