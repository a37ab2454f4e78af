import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts } from '../../support/html.js';

for (const engine of testEngines()) {
  describe(`HTTP platform on ${engine}`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(engine);
    });
    after(async () => {
      await testApp.close();
    });

    test('an unknown path returns the NHS-styled 404 page with status 404', async () => {
      const response = await testApp.app.inject({ url: '/no-such-page' });
      assert.equal(response.statusCode, 404);
      assert.deepEqual(h1Texts(response.body), ['Page not found']);
      assert.match(response.body, /nhsuk-header/);
    });

    test('an unknown API path returns a JSON problem with status 404', async () => {
      const response = await testApp.app.inject({ url: '/api/v1/nothing-here' });
      assert.equal(response.statusCode, 404);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = response.json<{ status: number; title: string; instance: string }>();
      assert.equal(problem.status, 404);
      assert.equal(problem.instance, '/api/v1/nothing-here');
    });

    test('a malformed address gets the NHS-styled 400 page with safe headers, never a 500', async () => {
      for (const url of ['/%', '/about%ZZ', '/%E0%A4%A']) {
        const response = await testApp.app.inject({ url });
        assert.equal(response.statusCode, 400, url);
        assert.deepEqual(h1Texts(response.body), ['Bad request']);
        assert.match(String(response.headers['content-security-policy']), /script-src 'none'/);
        assert.ok(response.headers['x-request-id']);
      }
      const api = await testApp.app.inject({ url: '/api/v1/%E0%A4%A' });
      assert.equal(api.statusCode, 400);
      assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
      for (const url of [`/${'a'.repeat(5000)}`, '/partners?%', '/about?a=%ZZ&b']) {
        const response = await testApp.app.inject({ url });
        assert.ok([200, 404].includes(response.statusCode), `${url} gave ${response.statusCode}`);
      }
    });

    test('methods the site does not offer are refused without a server error', async () => {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/about',
        payload: { a: 1 },
      });
      assert.equal(response.statusCode, 404);
      const deleted = await testApp.app.inject({ method: 'DELETE', url: '/' });
      assert.equal(deleted.statusCode, 404);
    });

    test('a cached page still gets a fresh CSP nonce in every response', async () => {
      const nonces = new Set<string>();
      for (let i = 0; i < 3; i += 1) {
        const response = await testApp.app.inject({ url: '/partners' });
        const nonce = /'nonce-([^']+)'/.exec(
          String(response.headers['content-security-policy']),
        )?.[1];
        assert.ok(nonce);
        assert.ok(response.body.includes(`nonce="${nonce}"`));
        assert.doesNotMatch(response.body, /csp-nonce-/);
        nonces.add(nonce);
      }
      assert.equal(nonces.size, 3);
    });

    test('pages carry a nonce-based CSP and the nonce is on the inline scripts', async () => {
      const response = await testApp.app.inject({ url: '/' });
      const csp = String(response.headers['content-security-policy']);
      const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
      assert.ok(nonce, `no script nonce in ${csp}`);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /frame-ancestors 'none'/);
      const inlineScripts = [...response.body.matchAll(/<script\b([^>]*)>/g)].map(
        (m) => m[1] ?? '',
      );
      assert.ok(inlineScripts.length >= 2);
      for (const attributes of inlineScripts) assert.ok(attributes.includes(`nonce="${nonce}"`));
      const second = await testApp.app.inject({ url: '/' });
      assert.notEqual(String(second.headers['content-security-policy']), csp, 'nonce must change');
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin');
      assert.equal(response.headers['strict-transport-security'], undefined, 'no HSTS over http');
    });

    test('every response has a request id, a safe caller-given one is kept', async () => {
      const generated = await testApp.app.inject({ url: '/healthz' });
      assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
      const given = await testApp.app.inject({
        url: '/healthz',
        headers: { 'x-request-id': 'abc-123' },
      });
      assert.equal(given.headers['x-request-id'], 'abc-123');
      const unsafe = await testApp.app.inject({
        url: '/healthz',
        headers: { 'x-request-id': 'bad id\nwith newline' },
      });
      assert.match(String(unsafe.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });

    test('/healthz and /readyz answer 200 while the database is up', async () => {
      const health = await testApp.app.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 200);
      assert.deepEqual(health.json(), { status: 'ok' });
      const ready = await testApp.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(ready.json(), { status: 'ready', database: 'ok' });
      assert.equal(ready.headers['cache-control'], 'no-store');
    });

    test('nhsuk-frontend assets are served locally with long cache lifetimes', async () => {
      const home = (await testApp.app.inject({ url: '/' })).body;
      const cssUrl =
        /<link rel="stylesheet" href="(\/assets\/frontend\/nhsuk-frontend-[\d.]+\.min\.css)">/.exec(
          home,
        )?.[1];
      assert.ok(cssUrl);
      const css = await testApp.app.inject({ url: cssUrl });
      assert.equal(css.statusCode, 200);
      assert.match(String(css.headers['content-type']), /text\/css/);
      assert.match(String(css.headers['cache-control']), /max-age=31536000/);
      assert.match(String(css.headers['cache-control']), /immutable/);

      const appCssUrl = /<link rel="stylesheet" href="(\/static\/app\.css\?v=[0-9a-f]{12})">/.exec(
        home,
      )?.[1];
      assert.ok(appCssUrl);
      const appCss = await testApp.app.inject({ url: appCssUrl });
      assert.equal(appCss.statusCode, 200);
      assert.match(String(appCss.headers['cache-control']), /max-age=31536000/);

      const icon = await testApp.app.inject({ url: '/assets/images/favicon.svg' });
      assert.equal(icon.statusCode, 200);
      assert.match(String(icon.headers['cache-control']), /max-age=\d{6}/);

      // Only the built bundles are exposed from the package, not its sources or templates.
      const template = await testApp.app.inject({ url: '/assets/frontend/template.njk' });
      assert.equal(template.statusCode, 404);
    });

    test('a failing database query shows the error page without a stack trace', async () => {
      const { database } = testApp.testDatabase;
      await database.query('alter table region_fact rename to region_fact_hidden');
      testApp.publicPageCache.clear();
      try {
        const response = await testApp.app.inject({ url: '/' });
        assert.equal(response.statusCode, 500);
        assert.deepEqual(h1Texts(response.body), ['Sorry, there is a problem with the service']);
        assert.doesNotMatch(response.body, /region_fact|at .*\.ts:\d+|Error:/);
        assert.match(response.body, new RegExp(String(response.headers['x-request-id'])));
      } finally {
        await database.query('alter table region_fact_hidden rename to region_fact');
      }
      // The failure was not cached: the page works again as soon as the table is back.
      assert.equal((await testApp.app.inject({ url: '/' })).statusCode, 200);
    });
  });
}
