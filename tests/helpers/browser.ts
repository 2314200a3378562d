import { inject } from 'vitest';
import { codeIn, mailTo } from './mail';

/** A cookie-keeping HTTP client that posts forms the way a browser without JavaScript does. */
export class Browser {
	readonly cookies = new Map<string, string>();
	readonly address: string;

	constructor(
		readonly baseUrl: string = inject('baseUrl'),
		options: { address?: string; lang?: string } = {}
	) {
		this.address = options.address ?? `10.${rand()}.${rand()}.${rand()}`;
		if (options.lang) this.cookies.set('lang', options.lang);
	}

	/** The headers this browser sends: its cookies, its address, and what it accepts. */
	headers(extra: Record<string, string> = {}): Record<string, string> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		return {
			accept: 'text/html,application/xhtml+xml',
			'x-forwarded-for': this.address,
			...(cookie ? { cookie } : {}),
			...extra
		};
	}

	private keepCookies(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair = '', ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attrs.some(
				(a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a)
			);
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
		const response = await fetch(this.baseUrl + path, {
			headers: this.headers(headers),
			redirect: 'manual'
		});
		this.keepCookies(response);
		return new Page(response.status, response.headers, await response.text());
	}

	/** A GET whose body is kept as bytes, for files. */
	async download(path: string): Promise<{ status: number; headers: Headers; bytes: Uint8Array }> {
		const response = await fetch(this.baseUrl + path, {
			headers: this.headers(),
			redirect: 'manual'
		});
		this.keepCookies(response);
		return {
			status: response.status,
			headers: response.headers,
			bytes: new Uint8Array(await response.arrayBuffer())
		};
	}

	async post(
		path: string,
		form: Record<string, string | string[]>,
		options: { origin?: string; headers?: Record<string, string> } = {}
	): Promise<Page> {
		const body = new URLSearchParams();
		for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
		const response = await fetch(this.baseUrl + path, {
			method: 'POST',
			headers: this.headers({
				'content-type': 'application/x-www-form-urlencoded',
				origin: options.origin ?? this.baseUrl,
				...options.headers
			}),
			body,
			redirect: 'manual'
		});
		this.keepCookies(response);
		return new Page(response.status, response.headers, await response.text());
	}
}

export class Page {
	constructor(
		readonly status: number,
		readonly headers: Headers,
		readonly body: string
	) {}

	get location(): string | null {
		return this.headers.get('location');
	}

	/** The visible text of the page, tags stripped, entities for quotes decoded. */
	get text(): string {
		return this.body
			.replace(/<script[\s\S]*?<\/script>/g, ' ')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&amp;/g, '&')
			.replace(/\s+/g, ' ');
	}
}

function rand(): number {
	return Math.floor(Math.random() * 250) + 1;
}

export function uniqueEmail(label = 'user'): string {
	return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export const PASSWORD = 'correct horse battery';

/**
 * When the app asks the newly signed-up person for the code mailed to them (a redirect to
 * /verify-email), reads the mail from the run's SMTP server and enters the code, as a person would.
 * Answers the page the app sends them to next.
 */
export async function verifyEmailIfAsked(
	browser: Browser,
	email: string,
	page: Page
): Promise<Page> {
	if (!page.location?.startsWith('/verify-email')) return page;
	const mail = await mailTo(email, (m) => /\b[A-Z0-9]{8}\b/.test(m.text));
	return browser.post(page.location.replace(/\?.*$/, '') + '?/verify' + nextOf(page.location), {
		code: codeIn(mail)
	});
}

function nextOf(location: string): string {
	const next = new URL(location, 'http://x').searchParams.get('next');
	return next ? `&next=${encodeURIComponent(next)}` : '';
}

/** Signs up through the form and verifies the address; answers the new organisation's id. */
export async function signUp(
	browser: Browser,
	fields: Partial<{
		name: string;
		email: string;
		password: string;
		orgName: string;
		orgKind: string;
	}> = {}
): Promise<{ email: string; orgId: string }> {
	const email = fields.email ?? uniqueEmail();
	const signedUp = await browser.post('/signup', {
		name: fields.name ?? 'Li Lei',
		email,
		password: fields.password ?? PASSWORD,
		orgName: fields.orgName ?? '浦江数科有限公司',
		orgKind: fields.orgKind ?? 'firm'
	});
	const page = await verifyEmailIfAsked(browser, email, signedUp);
	const match = page.location?.match(/^\/o\/([0-9a-f-]{36})$/);
	if (page.status !== 303 || !match?.[1])
		throw new Error(`sign-up failed: ${page.status} ${page.text.slice(0, 300)}`);
	return { email, orgId: match[1] };
}
