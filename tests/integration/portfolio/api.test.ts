import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type TestApp, buildTestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';
import { createUser, sessionFor } from '../../support/users.js';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const original = {
  title: 'Home-based resistance exercise to restore grip strength in older adults with sarcopenia',
  abstract:
    'We will test whether a twelve-week programme of progressive resistance exercise done at home, supported by a physiotherapist by telephone, improves hand grip strength and chair-rise time in people aged 70 and over with probable sarcopenia. Participants will be randomised to the programme or usual care, and outcomes measured at baseline, 12 and 26 weeks.',
  healthCategory: 'musculoskeletal',
  leadOrganisationId: 'university-of-nottingham',
  grandChallenges: ['sarcopenia'],
  pipeline: 'nottingham-brc-translational',
};
const paraphrase = {
  title: 'Strength training at home for elderly people with low muscle strength',
  abstract:
    'This randomised trial asks if a 3-month progressive strength training programme carried out in participants’ own homes, with remote physiotherapy support over the phone, can increase handgrip strength and sit-to-stand performance among people over seventy who meet the EWGSOP2 criteria for probable sarcopenia, compared with standard care, measured at the start, 3 months and 6 months.',
  healthCategory: 'musculoskeletal',
  leadOrganisationId: 'university-of-leicester',
  grandChallenges: ['sarcopenia'],
};
const unrelated = {
  title: 'Machine learning to predict sepsis in the emergency department',
  abstract:
    'Using routinely collected observations and blood tests from four emergency departments, we will train and validate a model that predicts which adults presenting with infection will develop sepsis within 24 hours, and study how clinicians respond to its alerts.',
  healthCategory: 'infection',
  leadOrganisationId: 'uhb',
};

for (const engine of testEngines()) {
  describe(`the portfolio API (${engine})`, () => {
    let testApp: TestApp;
    const cookies: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      testApp.app.inject({
        method,
        url,
        headers: {
          cookie: cookies[who] ?? '',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });

    before(async () => {
      testApp = await buildTestApp(engine, {});
      const database = testApp.testDatabase.database;
      for (const [who, role] of [
        ['office', 'alliance-office'],
        ['investigator', 'investigator'],
        ['industry', 'industry'],
      ] as const) {
        const user = await createUser(database, role);
        cookies[who] = `mha_session=${await sessionFor(database, user.id)}`;
      }
    });
    after(async () => {
      await testApp.close();
    });

    test('grand challenges are public; projects are for staff only', async () => {
      const challenges = await call('', 'GET', '/api/v1/grand-challenges');
      assert.deepEqual(
        challenges
          .json<{ items: { slug: string }[] }>()
          .items.map((c) => c.slug)
          .sort(),
        ['multimorbidity', 'sarcopenia'],
      );
      assert.equal((await call('', 'GET', '/api/v1/projects')).statusCode, 401);
      assert.equal((await call('industry', 'GET', '/api/v1/projects')).statusCode, 403);
    });

    test('a project is added with the fields it needs, and bad ones are named', async () => {
      const refused = await call('investigator', 'POST', '/api/v1/projects', {
        title: '',
        abstract: 'too short',
        healthCategory: 'elbows',
        leadOrganisationId: 'Not A Slug!',
      });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(
        refused
          .json<{ errors: { name: string }[] }>()
          .errors.map((e) => e.name)
          .sort(),
        ['abstract', 'healthCategory', 'leadOrganisationId', 'title'],
      );
      const unknown = await call('investigator', 'POST', '/api/v1/projects', {
        ...original,
        leadOrganisationId: 'no-such-place',
        investigatorIds: ['00000000-0000-4000-8000-000000000000'],
        grandChallenges: ['world-peace'],
      });
      assert.equal(unknown.statusCode, 422);
      assert.match(unknown.body, /There is no such organisation/);
      assert.match(unknown.body, /There is no such person in the directory/);
      assert.match(unknown.body, /There is no such grand challenge/);

      for (const [name, body] of Object.entries({ original, unrelated })) {
        const created = await call('investigator', 'POST', '/api/v1/projects', body);
        assert.equal(created.statusCode, 201, created.body);
        const json = created.json<{ id: string; reference: string }>();
        assert.match(json.reference, /^MHA-P-\d{4}-\d{4}$/);
        ids[name] = json.id;
      }
      const [row] = await testApp.testDatabase.database.query<{ n: string }>(
        "select count(*)::text as n from audit_event where entity_type = 'research-project'",
      );
      assert.equal(Number(row?.n), 2);
    });

    test('a restated project is found as similar before and after it is saved', async () => {
      const draft = await call('investigator', 'POST', '/api/v1/projects/similar', paraphrase);
      assert.equal(draft.statusCode, 200, draft.body);
      const suggestions = draft.json<{ items: { project: { id: string }; reasons: string[] }[] }>()
        .items;
      assert.equal(suggestions[0]?.project.id, ids.original);
      assert.ok((suggestions[0]?.reasons.length ?? 0) > 0);
      assert.ok(!suggestions.some((s) => s.project.id === ids.unrelated));

      const created = await call('investigator', 'POST', '/api/v1/projects', paraphrase);
      const body = created.json<{ id: string; similar: { project: { id: string } }[] }>();
      ids.paraphrase = body.id;
      assert.equal(body.similar[0]?.project.id, ids.original);
      const similar = await call('investigator', 'GET', `/api/v1/projects/${ids.original}/similar`);
      assert.equal(
        similar.json<{ items: { project: { id: string } }[] }>().items[0]?.project.id,
        ids.paraphrase,
      );
    });

    test('a pair the alliance office has decided is not raised again', async () => {
      const decision = {
        otherProjectId: ids.original,
        decision: 'should-collaborate',
        note: 'Same trial',
      };
      const url = `/api/v1/projects/${ids.paraphrase}/similar/decisions`;
      assert.equal((await call('investigator', 'POST', url, decision)).statusCode, 403);
      assert.equal(
        (await call('office', 'POST', url, { ...decision, decision: 'maybe' })).statusCode,
        422,
      );
      assert.equal((await call('office', 'POST', url, decision)).statusCode, 200);
      for (const [from, to] of [
        ['original', 'paraphrase'],
        ['paraphrase', 'original'],
      ] as const) {
        const similar = await call('investigator', 'GET', `/api/v1/projects/${ids[from]}/similar`);
        assert.ok(
          !similar
            .json<{ items: { project: { id: string } }[] }>()
            .items.some((s) => s.project.id === ids[to]),
        );
      }
    });

    test('stage moves follow the pipeline, one gate at a time, and are audited', async () => {
      const url = `/api/v1/projects/${ids.original}/stage`;
      const move = (stage: string, enteredOn: string) =>
        call('investigator', 'POST', url, { stage, enteredOn, evidence: 'Gate review minutes' });
      const skipped = await move('phase-2', shift(today, -100));
      assert.match(skipped.body, /one gate at a time: the next stage is Discovery/);
      assert.match((await move('levitation', shift(today, -100))).body, /is not a stage of/);
      assert.match((await move('discovery', shift(today, 3))).body, /cannot be in the future/);
      assert.equal((await move('discovery', shift(today, -100))).statusCode, 200);
      assert.match(
        (await move('proof-of-mechanism', shift(today, -200))).body,
        /before the last move/,
      );
      assert.equal((await move('proof-of-mechanism', shift(today, -50))).statusCode, 200);
      assert.match((await move('proof-of-mechanism', shift(today, -10))).body, /already at/);
      const noPipeline = await call(
        'investigator',
        'POST',
        `/api/v1/projects/${ids.unrelated}/stage`,
        {
          stage: 'discovery',
          enteredOn: today,
          evidence: 'x',
        },
      );
      assert.match(noPipeline.body, /Choose a pipeline/);
      const project = await call('investigator', 'GET', `/api/v1/projects/${ids.original}`);
      const pipeline = project.json<{ pipeline: { currentStage: string; history: unknown[] } }>()
        .pipeline;
      assert.equal(pipeline.currentStage, 'proof-of-mechanism');
      assert.equal(pipeline.history.length, 2);
      const [row] = await testApp.testDatabase.database.query<{ n: string }>(
        "select count(*)::text as n from audit_event where entity_type = 'research-project' and action = 'move'",
      );
      assert.equal(Number(row?.n), 2);
    });

    test('projects are searched by words and filtered', async () => {
      const search = await call('investigator', 'GET', '/api/v1/projects?q=sepsis');
      assert.deepEqual(
        search.json<{ items: { id: string }[] }>().items.map((p) => p.id),
        [ids.unrelated],
      );
      const challenge = await call('investigator', 'GET', '/api/v1/projects?challenge=sarcopenia');
      assert.equal(challenge.json<{ total: number }>().total, 2);
      assert.equal(
        (await call('investigator', 'GET', '/api/v1/projects?category=elbows')).statusCode,
        400,
      );
      // PostgreSQL cannot store NUL: it is refused by name, never a 500.
      assert.equal((await call('investigator', 'GET', '/api/v1/projects?q=a%00b')).statusCode, 400);
      const nul = await call('investigator', 'POST', '/api/v1/projects', {
        ...unrelated,
        title: 'a\u0000b',
      });
      assert.equal(nul.statusCode, 422);
      assert.match(nul.body, /"name":"title","reason":"must not contain the NUL character"/);
    });
  });
}
