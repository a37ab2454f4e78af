import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { freePort } from '../../support/net.js';

/** The claims the provider gives for a person; sub is their login. */
export interface ProviderPerson {
  email?: string;
  email_verified?: boolean;
}

export interface IdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in at the provider, by login; a test may add more. */
  people: Map<string, ProviderPerson>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with one confidential
 * client registered for the app's callback address. Its development login and consent pages
 * are driven over HTTP by `ProviderBrowser`.
 */
export async function createIdentityProvider(options: {
  redirectUri: string;
  port?: number;
}): Promise<IdentityProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'mha-platform';
  const clientSecret = randomBytes(32).toString('base64url');
  const people = new Map<string, ProviderPerson>();
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig' }] },
    features: { devInteractions: { enabled: true } },
    // Lifetimes in seconds, given so the provider does not warn about its defaults.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    findAccount: async (_context, login) => {
      const person = people.get(login);
      if (!person) return undefined;
      return { accountId: login, claims: () => ({ sub: login, ...person }) };
    },
  });

  const server = http.createServer(provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    people,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      if ((server.address() as AddressInfo).port !== port) throw new Error('wrong port');
    },
    async stop() {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

/**
 * A browser's side of the visit to the provider: follows redirects by hand, keeps the provider's
 * cookies by path, and fills in the provider's login and consent pages.
 */
export class ProviderBrowser {
  private readonly cookies = new Map<string, StoredCookie>();

  constructor(private readonly redirectUri: string) {}

  /**
   * Signs in at the provider as `login` and consents; returns the path and query of the address
   * the provider sends the browser back to (the app's callback).
   */
  async signIn(authorizationUrl: string, login: string): Promise<string> {
    return this.walk(authorizationUrl, (prompt): Record<string, string> =>
      prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt },
    );
  }

  /** Cancels at the provider's login page instead of signing in. */
  async cancel(authorizationUrl: string): Promise<string> {
    return this.walk(authorizationUrl, () => 'abort');
  }

  private async walk(
    authorizationUrl: string,
    answer: (prompt: string) => Record<string, string> | 'abort',
  ): Promise<string> {
    let url = new URL(authorizationUrl);
    let response = await this.fetch(url);
    for (let step = 0; step < 20; step += 1) {
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        const next = new URL(location, url);
        if (next.href.startsWith(this.redirectUri)) return `${next.pathname}${next.search}`;
        url = next;
        response = await this.fetch(url);
        continue;
      }
      const page = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      if (response.status !== 200 || !prompt) {
        throw new Error(`unexpected ${response.status} from ${url.href}: ${page.slice(0, 500)}`);
      }
      const fields = answer(prompt);
      if (fields === 'abort') {
        url = new URL(`${url.pathname}/abort`, url);
        response = await this.fetch(url);
      } else {
        response = await this.fetch(url, new URLSearchParams(fields));
      }
    }
    throw new Error('the provider redirected too many times');
  }

  private async fetch(url: URL, form?: URLSearchParams): Promise<Response> {
    const cookie = [...this.cookies.values()]
      .filter((stored) => url.pathname.startsWith(stored.path))
      .map((stored) => `${stored.name}=${stored.value}`)
      .join('; ');
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: form.toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) this.remember(header);
    return response;
  }

  private remember(header: string) {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const attribute = (wanted: string) =>
      attributes
        .find((part) => part.toLowerCase().startsWith(`${wanted}=`))
        ?.slice(wanted.length + 1);
    const path = attribute('path') ?? '/';
    const expires = attribute('expires');
    const key = `${name};${path}`;
    if (value === '' || (expires !== undefined && Date.parse(expires) < Date.now())) {
      this.cookies.delete(key);
    } else {
      this.cookies.set(key, { name, value, path });
    }
  }
}
