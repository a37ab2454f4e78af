import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { milestoneBySlug } from '../../../src/features/studies/model.js';
import { type TestApp, buildTestApp } from '../../support/app.js';
import { createUser, sessionFor } from '../../support/users.js';

interface SampleStudy {
  id: string;
  title: string;
  status: string;
  sampleData: boolean;
  recruited: number;
  milestones: Record<string, { achievedOn: string }>;
  sites: {
    milestones: Record<string, { achievedOn: string }>;
    measures: { rag: string | null; holdingUp: string | null };
  }[];
}

let testApp: TestApp;
let cookie = '';
before(async () => {
  testApp = await buildTestApp('pglite', { env: { SAMPLE_DATA: 'true' } });
  const user = await createUser(testApp.testDatabase.database, 'investigator');
  cookie = `mha_session=${await sessionFor(testApp.testDatabase.database, user.id)}`;
});
after(async () => {
  await testApp.close();
});

test('a first start loads labelled sample studies at every stage, with dates in order', async () => {
  const response = await testApp.app.inject({ url: '/api/v1/studies', headers: { cookie } });
  const items = response.json<{ items: SampleStudy[] }>().items;
  assert.equal(items.length, 5);
  for (const study of items) {
    assert.equal(study.sampleData, true);
    assert.match(study.title, /^SAMPLE: /);
    for (const site of study.sites) {
      const dates = { ...study.milestones, ...site.milestones };
      for (const [slug, { achievedOn }] of Object.entries(dates)) {
        for (const earlier of milestoneBySlug.get(slug)?.notBefore ?? []) {
          const before = dates[earlier]?.achievedOn;
          if (before) assert.ok(before <= achievedOn, `${study.title}: ${earlier} before ${slug}`);
        }
      }
    }
  }
  assert.deepEqual([...new Set(items.map((s) => s.status))].sort(), ['recruiting', 'set-up']);
  const colours = new Set(items.flatMap((s) => s.sites.map((site) => site.measures.rag)));
  for (const colour of ['green', 'amber', 'red']) assert.ok(colours.has(colour), colour);
  assert.ok(
    items.some((s) => s.recruited > 100),
    'some studies have a recruitment history',
  );
});

test('every sample study has a forecast', async () => {
  const items = (await testApp.app.inject({ url: '/api/v1/studies', headers: { cookie } })).json<{
    items: SampleStudy[];
  }>().items;
  for (const study of items) {
    const forecast = await testApp.app.inject({
      url: `/api/v1/studies/${study.id}/forecast`,
      headers: { cookie },
    });
    assert.equal(forecast.statusCode, 200, forecast.body);
    const body = forecast.json<{ status: string; completion: { p50: string | null } }>();
    assert.equal(body.status, 'forecast');
  }
});
