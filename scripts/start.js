// Starts the built server and prints where it listens, once it answers.
const port = Number(process.env.PORT ?? 3000) || 3000;
process.env.PORT = String(port);
process.env.HOST ??= '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${port}`;
// adapter-node's cap on any body: room for a 5 MB upload; forms are held to 1 MB by the app itself.
process.env.BODY_SIZE_LIMIT ??= '6M';

try {
	await import('../build/index.js');
} catch (error) {
	// A clear line for the person starting it (for example: the embedded database is in use).
	console.error(
		`\nSandbox Readiness could not start: ${error instanceof Error ? error.message : String(error)}`
	);
	process.exit(1);
}

const url = `http://localhost:${port}`;
for (let attempt = 0; attempt < 600; attempt++) {
	try {
		const response = await fetch(`${url}/healthz`);
		if (response.ok) break;
	} catch {
		// not listening yet
	}
	await new Promise((resolve) => setTimeout(resolve, 100));
}
const banner = globalThis.__sandboxReadinessBanner ?? [];
console.log(`\nSandbox Readiness (合规预检) is ready at ${url}\n${banner.join('\n')}`);
