import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, testAdministrator, type TestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';
import { errorSummaryOf } from '../../support/browser-like.js';
import { h1Texts, textOf } from '../../support/html.js';

interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}
interface SearchBody {
  items: {
    id: string;
    title: string;
    summary: string;
    keywords: string[];
    type: string;
    organisation: { slug: string };
    location: { slug: string };
    categories: { slug: string }[];
    sampleData: boolean;
  }[];
  total: number;
  page: number;
  pageSize: number;
  correctedQuery: string | null;
  facets: Record<'type' | 'category' | 'organisation' | 'location', FacetValue[]>;
}

/** Whether a record is about `stem`: in its title, keywords or summary. */
const mentions = (item: SearchBody['items'][number], stem: RegExp) =>
  stem.test(item.title) || item.keywords.some((keyword) => stem.test(keyword));

for (const engine of testEngines()) {
  describe(`capability search on ${engine}`, () => {
    let testApp: TestApp;

    before(async () => {
      testApp = await buildTestApp(engine, {
        env: {
          ADMIN_EMAIL: testAdministrator.email,
          ADMIN_PASSWORD: testAdministrator.password,
          SAMPLE_DATA: 'true',
        },
      });
    });
    after(async () => {
      await testApp.close();
    });

    async function search(query: string): Promise<SearchBody> {
      const response = await testApp.app.inject({ url: `/api/v1/capabilities?${query}` });
      assert.equal(response.statusCode, 200, response.body);
      return response.json<SearchBody>();
    }

    test('the sample directory is loaded on first start and marked as sample data', async () => {
      const all = await search('pageSize=100');
      assert.ok(all.total >= 300, `only ${all.total} published capabilities`);
      assert.ok(all.items.every((item) => item.sampleData));
      const people = await testApp.app.inject({ url: '/api/v1/people?pageSize=1' });
      assert.ok(people.json<{ total: number }>().total >= 150);
    });

    for (const [words, stem] of [
      ['sarcopenia', /sarcopeni/i],
      ['sarcopnia', /sarcopeni/i],
      ['muscle', /muscl/i],
      ['frailty', /frail/i],
    ] as const) {
      test(`"${words}" puts records about it first`, async () => {
        const result = await search(`q=${words}&pageSize=10`);
        assert.ok(result.total >= 5, `${result.total} results`);
        const top = result.items.slice(0, 5);
        assert.deepEqual(
          top.filter((item) => !mentions(item, stem)).map((item) => item.title),
          [],
          'every one of the first five names it in the title or keywords',
        );
      });
    }

    test('a misspelt word is corrected and the correction is reported', async () => {
      const typo = await search('q=sarcopnia');
      const right = await search('q=sarcopenia');
      assert.equal(typo.correctedQuery, 'sarcopenia');
      assert.equal(right.correctedQuery, null);
      assert.equal(typo.total, right.total);
    });

    test('plurals match their singular', async () => {
      const plural = await search('q=cohorts');
      const singular = await search('q=cohort');
      assert.ok(singular.total > 0);
      assert.equal(plural.total, singular.total);
    });

    test('every facet count equals the number of records that choosing it shows', async () => {
      const base = await search('q=sarcopenia&pageSize=1');
      for (const facet of ['type', 'category', 'organisation', 'location'] as const) {
        assert.ok(base.facets[facet].length > 0, `${facet} has values`);
        for (const value of base.facets[facet]) {
          const narrowed = await search(
            `q=sarcopenia&pageSize=1&${facet}=${encodeURIComponent(value.value)}`,
          );
          assert.equal(narrowed.total, value.count, `${facet}=${value.value}`);
        }
      }
    });

    test('combining facets narrows: every result has each chosen value', async () => {
      const byCategory = await search('category=musculoskeletal&pageSize=100');
      const type = byCategory.facets.type.find((value) => value.count > 1);
      assert.ok(type, 'some type has several musculoskeletal records');
      const both = await search(`category=musculoskeletal&type=${type.value}&pageSize=100`);
      assert.equal(both.total, type.count);
      assert.ok(both.total < byCategory.total);
      assert.ok(
        both.items.every(
          (item) =>
            item.type === type.value &&
            item.categories.some((category) => category.slug === 'musculoskeletal'),
        ),
      );
      const location = both.facets.location[0];
      assert.ok(location);
      const three = await search(
        `category=musculoskeletal&type=${type.value}&location=${location.value}&pageSize=100`,
      );
      assert.equal(three.total, location.count);
      assert.ok(three.items.every((item) => item.location.slug === location.value));
    });

    test('two values of one facet widen the search (either matches)', async () => {
      const imaging = await search('type=imaging&pageSize=1');
      const training = await search('type=training&pageSize=1');
      const either = await search('type=imaging&type=training&pageSize=1');
      assert.equal(either.total, imaging.total + training.total);
    });

    test('pages do not overlap and cover the result', async () => {
      const first = await search('q=frailty&pageSize=5&page=1');
      const second = await search('q=frailty&pageSize=5&page=2');
      assert.equal(second.page, 2);
      const ids = new Set(first.items.map((item) => item.id));
      assert.ok(second.items.every((item) => !ids.has(item.id)));
    });

    test('bad parameters get 400 with a problem body naming each parameter', async () => {
      const response = await testApp.app.inject({
        url:
          '/api/v1/capabilities?type=spaceship&page=0&pageSize=abc&sort=random&q=' +
          'x'.repeat(201),
      });
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = response.json<{ errors: { name: string }[] }>();
      assert.deepEqual(problem.errors.map((error) => error.name).sort(), [
        'page',
        'pageSize',
        'q',
        'sort',
        'type',
      ]);
    });

    test('SQL and script in the search box are just words', async () => {
      for (const q of [
        "'; drop table capability; --",
        '<script>alert(1)</script>',
        '"unclosed',
        '-',
        '&|!():*',
      ]) {
        const response = await testApp.app.inject({
          url: `/api/v1/capabilities?q=${encodeURIComponent(q)}`,
        });
        assert.equal(response.statusCode, 200, `${q}: ${response.body}`);
        const page = await testApp.app.inject({ url: `/capabilities?q=${encodeURIComponent(q)}` });
        assert.equal(page.statusCode, 200);
        assert.ok(!page.body.includes('<script>alert(1)</script>'));
      }
      assert.ok((await search('pageSize=1')).total >= 300, 'the table is still there');
    });

    test('the search page works without JavaScript and keeps the search in its address', async () => {
      const response = await testApp.app.inject({
        url: '/capabilities?q=sarcopnia&type=cohort-dataset',
      });
      assert.equal(response.statusCode, 200);
      assert.deepEqual(h1Texts(response.body), ['Find research capability']);
      const text = textOf(response.body);
      assert.match(text, /we searched for sarcopenia instead/);
      assert.match(text, /\d+ capabilit(y|ies) found/);
      assert.match(response.body, /name="type" type="checkbox" value="cohort-dataset" checked/);
      assert.match(
        response.body,
        /href="\/api\/v1\/capabilities\.csv\?q=sarcopnia&amp;type=cohort-dataset/,
      );
    });

    test('bad parameters on the page show an error summary, not a crash', async () => {
      const response = await testApp.app.inject({ url: '/capabilities?type=spaceship&page=-1' });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(errorSummaryOf(response.body), [
        'spaceship is not a known capability type',
        'Page must be a whole number from 1 to 500',
      ]);
    });

    test('detail pages and API records exist for capabilities, people and organisations', async () => {
      const [first] = (await search('q=sarcopenia&pageSize=1')).items;
      assert.ok(first);
      const page = await testApp.app.inject({ url: `/capabilities/${first.id}` });
      assert.equal(page.statusCode, 200);
      assert.deepEqual(h1Texts(page.body), [first.title]);
      assert.match(page.body, new RegExp(`href="/enquiries/new\\?capability=${first.id}"`));
      assert.match(textOf(page.body), /Sample data/);

      const api = await testApp.app.inject({ url: `/api/v1/capabilities/${first.id}` });
      const record = api.json<{ people: { id: string }[]; organisation: { slug: string } }>();
      assert.equal(api.statusCode, 200);
      const organisation = await testApp.app.inject({
        url: `/organisations/${record.organisation.slug}`,
      });
      assert.equal(organisation.statusCode, 200);
      const apiOrganisation = await testApp.app.inject({
        url: `/api/v1/organisations/${record.organisation.slug}`,
      });
      assert.equal(apiOrganisation.statusCode, 200);

      const people = await testApp.app.inject({ url: '/api/v1/people?q=sarcopenia&pageSize=1' });
      const [person] = people.json<{ items: { id: string; fullName: string }[] }>().items;
      assert.ok(person);
      const personPage = await testApp.app.inject({ url: `/people/${person.id}` });
      assert.equal(personPage.statusCode, 200);
      assert.deepEqual(h1Texts(personPage.body), [person.fullName]);
    });

    test('unknown and unpublished records are not found', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      assert.equal((await testApp.app.inject({ url: `/capabilities/${missing}` })).statusCode, 404);
      const api = await testApp.app.inject({ url: `/api/v1/capabilities/${missing}` });
      assert.equal(api.statusCode, 404);
      assert.match(String(api.headers['content-type']), /problem\+json/);
      const bad = await testApp.app.inject({ url: '/api/v1/capabilities/not-an-id' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json<{ errors: { name: string }[] }>().errors[0]?.name, 'id');

      const { database } = testApp.testDatabase;
      const [draft] = await database.query<{ id: string; title: string }>(
        `update capability set status = 'draft'
         where id = (select id from capability order by title limit 1)
         returning id::text as id, title`,
      );
      assert.ok(draft);
      assert.equal(
        (await testApp.app.inject({ url: `/capabilities/${draft.id}` })).statusCode,
        404,
      );
      const found = await search(`q=${encodeURIComponent(`"${draft.title}"`)}&pageSize=100`);
      assert.ok(
        found.items.every((item) => item.id !== draft.id),
        'drafts are not searchable',
      );
      await database.query(`update capability set status = 'published' where id = $1`, [draft.id]);
    });

    test('any search result downloads as CSV', async () => {
      const response = await testApp.app.inject({
        url: '/api/v1/capabilities?q=frailty&pageSize=3',
        headers: { accept: 'text/csv' },
      });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/csv/);
      const lines = response.body.trim().split('\r\n');
      assert.equal(
        lines[0],
        'id,title,type,organisation,location,health_categories,keywords,summary,sample_data,updated_at,url',
      );
      assert.equal(lines.length, 4);
      const csv = await testApp.app.inject({ url: '/api/v1/capabilities.csv?type=nothing' });
      assert.equal(csv.statusCode, 400);
    });

    test('the OpenAPI document describes the directory API', async () => {
      const response = await testApp.app.inject({ url: '/api/docs/openapi.json' });
      const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
      assert.equal(document.openapi, '3.1.0');
      for (const path of [
        '/api/v1/capabilities',
        '/api/v1/capabilities/{id}',
        '/api/v1/people',
        '/api/v1/people/{id}',
        '/api/v1/organisations',
        '/api/v1/organisations/{id}',
      ]) {
        assert.ok(document.paths[path], path);
      }
      const page = await testApp.app.inject({ url: '/api/docs' });
      assert.equal(page.statusCode, 200);
      assert.match(textOf(page.body), /GET \/api\/v1\/capabilities/);
    });
  });
}
