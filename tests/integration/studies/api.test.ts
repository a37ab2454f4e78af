import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { londonToday } from '../../../src/features/studies/service.js';
import { type TestApp, buildTestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';
import { createUser, sessionFor } from '../../support/users.js';

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = londonToday(new Date());
const ago = (days: number) => shift(today, -days);

const newStudy = {
  title: 'A trial of a new treatment for sarcopenia in older adults',
  shortTitle: 'TEST-SARC',
  sponsor: 'Test Pharma Ltd',
  isCommercial: true,
  studyType: 'interventional',
  phase: 'phase-2',
  irasId: '312345',
  nctId: 'NCT01234567',
  healthCategory: 'musculoskeletal',
  mhraApprovalNeeded: false,
  recruitmentTarget: 100,
  plannedStart: ago(100),
  plannedEnd: shift(today, 200),
};

for (const engine of testEngines()) {
  describe(`the studies API (${engine})`, () => {
    let testApp: TestApp;
    const cookies: Record<string, string> = {};
    let studyId = '';
    const sites: Record<string, string> = {};

    const call = (
      who: string,
      method: 'GET' | 'POST' | 'PUT',
      url: string,
      body?: unknown,
      contentType = 'application/json',
    ) =>
      testApp.app.inject({
        method,
        url,
        headers: {
          cookie: cookies[who] ?? '',
          ...(body === undefined ? {} : { 'content-type': contentType }),
        },
        ...(body === undefined
          ? {}
          : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    const auditCount = async (entityType: string) => {
      const [row] = await testApp.testDatabase.database.query<{ n: string }>(
        'select count(*)::text as n from audit_event where entity_type = $1',
        [entityType],
      );
      return Number(row?.n);
    };

    before(async () => {
      testApp = await buildTestApp(engine, {});
      const database = testApp.testDatabase.database;
      for (const [who, role, organisationSlug] of [
        ['office', 'alliance-office', undefined],
        ['uhb', 'site-office', 'uhb'],
        ['nuh', 'site-office', 'nuh'],
        ['investigator', 'investigator', undefined],
        ['industry', 'industry', 'uhb'],
      ] as const) {
        const user = await createUser(database, role, organisationSlug ? { organisationSlug } : {});
        cookies[who] = `mha_session=${await sessionFor(database, user.id)}`;
      }
    });
    after(async () => {
      await testApp.close();
    });

    test('the alliance office adds a study with a reference; bad fields are named', async () => {
      const refused = await call('office', 'POST', '/api/v1/studies', {
        ...newStudy,
        irasId: 'IRAS12',
        nctId: 'NCT123',
        plannedEnd: ago(200),
        recruitmentTarget: -3,
      });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(
        refused
          .json<{ errors: { name: string }[] }>()
          .errors.map((e) => e.name)
          .sort(),
        ['irasId', 'nctId', 'plannedEnd', 'recruitmentTarget'],
      );
      const created = await call('office', 'POST', '/api/v1/studies', newStudy);
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json<{ id: string; reference: string }>();
      assert.match(body.reference, /^MHA-S-\d{4}-\d{4}$/);
      studyId = body.id;
      const nul = await call('office', 'POST', '/api/v1/studies', {
        ...newStudy,
        sponsor: 'A\u0000B',
      });
      assert.equal(nul.statusCode, 422, 'NUL cannot be stored: refused by name, never a 500');
      assert.match(nul.body, /sponsor/);
      const again = await call('office', 'POST', '/api/v1/studies', newStudy);
      assert.equal(again.statusCode, 409, 'the IRAS ID is already used');
      assert.equal((await call('uhb', 'POST', '/api/v1/studies', newStudy)).statusCode, 403);
      assert.equal((await call('industry', 'GET', '/api/v1/studies')).statusCode, 403);
      assert.equal(await auditCount('study'), 1);
    });

    test('sites are partner trusts, each once', async () => {
      for (const trust of ['uhb', 'nuh']) {
        const response = await call('office', 'POST', `/api/v1/studies/${studyId}/sites`, {
          organisation: trust,
          principalInvestigator: `Dr ${trust}`,
          recruitmentTarget: 50,
          plannedOpen: ago(90),
          plannedClose: shift(today, 200),
        });
        assert.equal(response.statusCode, 201, response.body);
        sites[trust] = response.json<{ id: string }>().id;
      }
      const twice = await call('office', 'POST', `/api/v1/studies/${studyId}/sites`, {
        organisation: 'uhb',
        principalInvestigator: 'Dr again',
        recruitmentTarget: 5,
        plannedOpen: ago(90),
        plannedClose: shift(today, 200),
      });
      assert.equal(twice.statusCode, 409);
      const unknown = await call('office', 'POST', `/api/v1/studies/${studyId}/sites`, {
        organisation: 'no-such-trust',
        principalInvestigator: 'Dr X',
        recruitmentTarget: 5,
        plannedOpen: ago(90),
        plannedClose: shift(today, 200),
      });
      assert.equal(unknown.statusCode, 422);
    });

    test('milestones keep their order, are never in the future, and only the right people record them', async () => {
      const put = (who: string, path: string, achievedOn: string) =>
        call(who, 'PUT', `/api/v1/studies/${studyId}/${path}`, { achievedOn, evidence: 'Letter' });
      assert.equal(
        (await put('office', 'milestones/application-submitted', ago(120))).statusCode,
        200,
      );
      const early = await put('office', 'milestones/hra-rec-approval', ago(130));
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /cannot be before Application for regulatory approval submitted/);
      const future = await put('office', 'milestones/hra-rec-approval', shift(today, 1));
      assert.match(future.body, /cannot be in the future/);
      assert.equal((await put('office', 'milestones/hra-rec-approval', ago(70))).statusCode, 200);
      assert.equal((await put('uhb', 'milestones/hra-rec-approval', ago(70))).statusCode, 403);
      assert.equal((await put('office', 'milestones/mhra-approval', ago(70))).statusCode, 422);
      assert.equal((await put('office', 'milestones/flying', ago(70))).statusCode, 422);

      const uhb = `sites/${sites.uhb}/milestones`;
      assert.equal((await put('uhb', `${uhb}/site-selected`, ago(110))).statusCode, 200);
      const nuhByUhb = await put('uhb', `sites/${sites.nuh}/milestones/site-selected`, ago(110));
      assert.equal(nuhByUhb.statusCode, 403, 'another organisation’s site');
      const beforeApproval = await put('uhb', `${uhb}/capacity-capability-confirmed`, ago(80));
      assert.match(beforeApproval.body, /cannot be before HRA and REC approval/);
      for (const [slug, days] of [
        ['costing-agreed', 60],
        ['model-agreement-executed', 55],
        ['capacity-capability-confirmed', 50],
        ['site-initiation-visit', 45],
        ['site-open', 40],
      ] as const) {
        const response = await put('uhb', `${uhb}/${slug}`, ago(days));
        assert.equal(response.statusCode, 200, `${slug}: ${response.body}`);
      }
      const approvalAfterOpen = await put('office', 'milestones/hra-rec-approval', ago(30));
      assert.match(approvalAfterOpen.body, /cannot be after Site open to recruitment at/);
      const study = (await call('investigator', 'GET', `/api/v1/studies/${studyId}`)).json<{
        milestones: Record<string, { achievedOn: string }>;
        sites: {
          organisation: { slug: string };
          openedOn: string | null;
          measures: { segments: { days: number | null }[]; holdingUp: string | null };
        }[];
        status: string;
      }>();
      assert.equal(
        study.milestones['hra-rec-approval']?.achievedOn,
        ago(70),
        'refusals saved nothing',
      );
      const uhbSite = study.sites.find((s) => s.organisation.slug === 'uhb');
      assert.ok(uhbSite);
      assert.equal(uhbSite.openedOn, ago(40));
      assert.deepEqual(
        uhbSite.measures.segments.map((s) => s.days),
        [50, 30, 40],
      );
      assert.equal(uhbSite.measures.holdingUp, 'first-participant');
      assert.equal(study.status, 'recruiting');
      assert.ok((await auditCount('study-milestone')) >= 8);
    });

    test('recruitment is all or nothing, only at open sites, and sets the first participant', async () => {
      const url = `/api/v1/studies/${studyId}/recruitment`;
      const bad = await call('uhb', 'POST', url, {
        rows: [
          { site: 'uhb', date: ago(30), participants: 2 },
          { site: 'uhb', date: ago(41), participants: 1 },
          { site: 'nuh', date: ago(20), participants: 1 },
          { site: 'xyz', date: ago(20), participants: 1 },
        ],
      });
      assert.equal(bad.statusCode, 403, 'a row for another organisation’s site');
      const invalid = await call('uhb', 'POST', url, {
        rows: [
          { site: 'uhb', date: ago(30), participants: 2 },
          { site: 'uhb', date: ago(41), participants: 1 },
          { site: 'uhb', date: shift(today, 2), participants: 1 },
          { site: 'xyz', date: ago(20), participants: 1 },
        ],
      });
      assert.equal(invalid.statusCode, 422);
      assert.match(invalid.body, /is before University Hospitals Birmingham/i);
      assert.match(invalid.body, /is in the future/);
      assert.match(invalid.body, /Unknown site \\"xyz\\"/);
      const negative = await call('uhb', 'POST', url, [
        { site: 'uhb', date: ago(30), participants: -1 },
      ]);
      assert.equal(negative.statusCode, 422);
      assert.match(negative.body, /cannot be negative/);
      let study = (await call('office', 'GET', `/api/v1/studies/${studyId}`)).json<{
        recruited: number;
      }>();
      assert.equal(study.recruited, 0, 'nothing partial was saved');

      const csv =
        'site,date,participants\n' +
        [35, 34, 30].map((d, i) => `uhb,${ago(d)},${i + 1}`).join('\n');
      const uploaded = await call('uhb', 'POST', url, csv, 'text/csv');
      assert.equal(uploaded.statusCode, 200, uploaded.body);
      assert.deepEqual(uploaded.json(), { rows: 3, participants: 6 });
      const badCsv = await call(
        'uhb',
        'POST',
        url,
        'site,date,participants\nuhb,2026-02-30,1\nuhb,x,y\n',
        'text/csv',
      );
      assert.equal(badCsv.statusCode, 422);
      assert.match(badCsv.body, /row 2/);
      assert.match(badCsv.body, /row 3/);
      const nuhClosed = await call('nuh', 'POST', url, [
        { site: 'nuh', date: ago(5), participants: 1 },
      ]);
      assert.match(nuhClosed.body, /not open to recruitment yet/);
      const form = await call('uhb', 'POST', url, 'site=uhb', 'application/x-www-form-urlencoded');
      assert.equal(form.statusCode, 415);

      study = (await call('office', 'GET', `/api/v1/studies/${studyId}`)).json<{
        recruited: number;
        sites: {
          organisation: { slug: string };
          milestones: Record<string, { achievedOn: string }>;
        }[];
      }>();
      assert.equal(study.recruited, 6);
      const uhbSite = (
        study as unknown as {
          sites: {
            organisation: { slug: string };
            milestones: Record<string, { achievedOn: string }>;
          }[];
        }
      ).sites.find((s) => s.organisation.slug === 'uhb');
      assert.equal(uhbSite?.milestones['first-participant']?.achievedOn, ago(35));
      assert.equal(await auditCount('study-recruitment'), 1);
    });

    test('the forecast answers for the study', async () => {
      const response = await call('investigator', 'GET', `/api/v1/studies/${studyId}/forecast`);
      assert.equal(response.statusCode, 200, response.body);
      const missing = await call('investigator', 'GET', '/api/v1/studies/MHA-S-1999-0001/forecast');
      assert.equal(missing.statusCode, 404);
      const bare = await call('office', 'POST', '/api/v1/studies', {
        ...newStudy,
        irasId: '312346',
        nctId: null,
      });
      const noSites = await call(
        'investigator',
        'GET',
        `/api/v1/studies/${bare.json<{ id: string }>().id}/forecast`,
      );
      assert.equal(noSites.statusCode, 422);
      assert.match(noSites.body, /needs at least one site/);
    });
  });
}
