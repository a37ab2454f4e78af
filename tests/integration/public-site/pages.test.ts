import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';
import { countMatches, h1Texts, textOf } from '../../support/html.js';
import { publicPages, seedFigures } from '../../support/public-pages.js';

for (const engine of testEngines()) {
  describe(`public website on ${engine}`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(engine);
    });
    after(async () => {
      await testApp.close();
    });

    for (const expected of publicPages) {
      test(`${expected.path} returns 200 with one h1, a skip link, lang="en" and its content`, async () => {
        const response = await testApp.app.inject({ method: 'GET', url: expected.path });
        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/html/);
        const html = response.body;
        assert.deepEqual(h1Texts(html), [expected.h1]);
        assert.match(html, /<html lang="en"/);
        assert.match(
          html,
          /<a class="nhsuk-skip-link"[^>]*href="#maincontent"[^>]*>\s*Skip to main content/,
        );
        assert.equal(countMatches(html, /id="maincontent"/), 1);
        const text = textOf(html);
        for (const phrase of expected.mustContain) {
          assert.ok(text.includes(phrase), `${expected.path} should contain "${phrase}"`);
        }
      });
    }

    test('the home page shows every figure of the Midlands from the database', async () => {
      const html = (await testApp.app.inject({ url: '/' })).body;
      const figures = [...html.matchAll(/<p class="mha-figures__value">([\s\S]*?)<\/p>/g)].map(
        (match) => textOf(match[1] ?? '').trim(),
      );
      assert.deepEqual(figures, [
        'over 10 million',
        'over 28,000 km²',
        '20',
        'over 50',
        'over 1.2 million',
        'over 800,000',
        '5',
      ]);
      for (const figure of seedFigures) assert.ok(textOf(html).includes(figure));
    });

    test('a page edited in the database is shown, rendered safely from markdown, once the cache is cleared', async () => {
      const { database } = testApp.testDatabase;
      const [original] = await database.query<{ body_markdown: string }>(
        "select body_markdown from site_page where slug = 'about'",
      );
      await testApp.app.inject({ url: '/about' });
      await database.query("update site_page set body_markdown = $1 where slug = 'about'", [
        '## Edited heading\n\nA *new* paragraph.\n\n<script>alert(1)</script>',
      ]);
      try {
        // Until the cache is cleared (as an edit through the platform will do) the old page stays.
        const cached = (await testApp.app.inject({ url: '/about' })).body;
        assert.doesNotMatch(cached, /Edited heading/);
        testApp.publicPageCache.clear();
        const html = (await testApp.app.inject({ url: '/about' })).body;
        assert.match(html, /<h2 id="edited-heading">Edited heading<\/h2>/);
        assert.match(html, /A <em>new<\/em> paragraph/);
        assert.doesNotMatch(html, /<script>alert\(1\)<\/script>/);
        assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      } finally {
        await database.query("update site_page set body_markdown = $1 where slug = 'about'", [
          original?.body_markdown,
        ]);
        testApp.publicPageCache.clear();
      }
    });

    test('other spellings of a page address are the same page and share one cache entry', async () => {
      testApp.publicPageCache.clear();
      for (const url of ['/about', '/about/', '/%61bout', '/about?utm_source=x', '/ab%6Fut?q=1']) {
        const response = await testApp.app.inject({ url });
        assert.equal(response.statusCode, 200, url);
        assert.deepEqual(h1Texts(response.body), ['About the alliance']);
        assert.match(response.body, /href="\/about" aria-current="page"/);
      }
      assert.equal(testApp.publicPageCache.size, 1);
    });

    test('the main menu marks the current page and its section', async () => {
      const partners = (await testApp.app.inject({ url: '/partners' })).body;
      assert.match(partners, /href="\/partners" aria-current="page"/);
      const programme = (await testApp.app.inject({ url: '/programmes/sarcopenia' })).body;
      assert.match(programme, /href="\/programmes" aria-current="true"/);
    });

    test('the about page has the anchors the home page links to', async () => {
      const home = (await testApp.app.inject({ url: '/' })).body;
      assert.match(home, /href="\/about#a-single-business-process-for-industry"/);
      const about = (await testApp.app.inject({ url: '/about' })).body;
      assert.match(about, /id="a-single-business-process-for-industry"/);
    });

    test('the Midlands map is inline SVG with a title, a description and a text alternative', async () => {
      const html = (await testApp.app.inject({ url: '/midlands' })).body;
      assert.match(
        html,
        /<svg class="mha-map__svg"[^>]*role="img" aria-labelledby="map-title" aria-describedby="map-description"/,
      );
      assert.match(html, /<title id="map-title">/);
      assert.match(html, /<desc id="map-description">/);
      assert.match(html, /<h2 id="map-text">What the map shows<\/h2>/);
      assert.doesNotMatch(html, /<img|<iframe|tile/i);
      for (const city of ['Birmingham', 'Nottingham', 'Leicester', 'Coventry']) {
        assert.match(
          html,
          new RegExp(`<text class="mha-map__label mha-map__label--city"[^>]*>${city}</text>`),
        );
      }
      assert.match(
        html,
        /<text class="mha-map__subregion-label"[^>]*>Coventry and Warwickshire<\/text>/,
      );
    });
  });
}
