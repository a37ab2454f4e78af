import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  plantedNearDuplicates,
  sampleProjects,
} from '../../../src/features/portfolio/sample-data/projects.js';
import { type TestApp, buildTestApp } from '../../support/app.js';
import { createUser, sessionFor } from '../../support/users.js';

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

interface Listed {
  id: string;
  title: string;
  sampleData: boolean;
  pipeline: { currentStage: string | null } | null;
}

test('a first start loads the labelled sample portfolio, each project in a pipeline stage', async () => {
  const response = await testApp.app.inject({ url: '/api/v1/projects', headers: { cookie } });
  const { items } = response.json<{ items: Listed[] }>();
  assert.ok(items.length >= 150);
  assert.ok(items.every((p) => p.sampleData && p.title.startsWith('SAMPLE: ')));
  assert.ok(
    items.every((p) => p.pipeline?.currentStage),
    'every project has a stage',
  );
  const stages = new Set(items.map((p) => p.pipeline?.currentStage));
  assert.ok(stages.size >= 5, [...stages].join(', '));
});

test('each planted near duplicate is among the other’s top 3 similar projects', async () => {
  const { items } = (
    await testApp.app.inject({ url: '/api/v1/projects', headers: { cookie } })
  ).json<{ items: Listed[] }>();
  const samples = new Map(sampleProjects().map((p) => [p.id, p.title]));
  const idOfTitle = new Map(items.map((p) => [p.title, p.id]));
  for (const { ids } of plantedNearDuplicates) {
    const [a, b] = ids.map((sampleId) => idOfTitle.get(samples.get(sampleId) ?? '')) as [
      string,
      string,
    ];
    const similar = await testApp.app.inject({
      url: `/api/v1/projects/${a}/similar`,
      headers: { cookie },
    });
    const top3 = similar
      .json<{ items: { project: { id: string } }[] }>()
      .items.slice(0, 3)
      .map((s) => s.project.id);
    assert.ok(top3.includes(b), ids.join(' / '));
  }
});
