import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A client for app.inject that keeps cookies and reads CSRF tokens from forms, so integration
 * tests use the site the way a browser does.
 */
export class FormClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      const expired =
        cookie.value === '' ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader(), ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts a form. The CSRF token is read from the page at `formUrl` unless one is given. */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    options: { formUrl?: string; csrf?: string | null; method?: 'POST' | 'PUT' | 'DELETE' } = {},
  ) {
    let csrf = options.csrf;
    if (csrf === undefined) csrf = await this.csrfFrom(options.formUrl ?? url);
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    if (csrf !== null) body.append('_csrf', csrf);
    return this.postRaw(url, body.toString(), options.method);
  }

  async postRaw(url: string, payload: string, method: 'POST' | 'PUT' | 'DELETE' = 'POST') {
    const response = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      payload,
    });
    this.remember(response);
    return response;
  }

  async csrfFrom(url: string): Promise<string> {
    const page = await this.get(url);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${url} (status ${page.statusCode})`);
    return token;
  }
}

export function errorSummaryOf(html: string): string[] {
  const summary = /<div class="nhsuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#[^"]+">([^<]+)<\/a>/g)].map((match) =>
    (match[1] ?? '').trim(),
  );
}
