// Starts the built server and prints where it listens, once it answers.
const port = Number(process.env.PORT ?? 3000) || 3000;
process.env.PORT = String(port);
process.env.HOST ??= '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${port}`;
process.env.BODY_SIZE_LIMIT ??= '1M';

await import('../build/index.js');

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
