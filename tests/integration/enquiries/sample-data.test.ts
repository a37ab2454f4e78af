import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { healthCategories } from '../../../src/features/directory/model.js';
import { enquiryTypes } from '../../../src/features/enquiries/model.js';
import { seedSampleEnquiries } from '../../../src/features/enquiries/sample-data/index.js';
import {
  endOfLondonDay,
  WorkingDayCalendar,
} from '../../../src/features/enquiries/working-days.js';
import { AuditTrail } from '../../../src/platform/audit/audit-trail.js';
import type { Database } from '../../../src/platform/db/database.js';
import { buildTestApp, testAdministrator, type TestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';

const sampleEnv = {
  SAMPLE_DATA: 'true',
  ADMIN_EMAIL: testAdministrator.email,
  ADMIN_PASSWORD: testAdministrator.password,
};

interface EnquiryRow {
  id: string;
  reference: string;
  organisation_name: string;
  contact_name: string;
  contact_email: string;
  enquiry_type: string;
  health_category: string;
  description: string;
  stage: string;
  owner_user_id: string | null;
  received_at: Date;
  first_response_due_at: Date | null;
  first_responded_at: Date | null;
  stage_entered_at: Date;
  closed_outcome: string | null;
  contract_value_review: string | null;
  model_agreement: string | null;
}

const enquiries = (database: Database) =>
  database.query<EnquiryRow>(
    `select id::text as id, reference, organisation_name, contact_name, contact_email,
            enquiry_type, health_category, description, stage, owner_user_id::text as owner_user_id,
            received_at, first_response_due_at, first_responded_at, stage_entered_at,
            closed_outcome, contract_value_review, model_agreement
       from enquiry order by reference`,
  );

async function anchorDayOf(database: Database): Promise<string> {
  const [row] = await database.query<{ after_value: { anchorDay: string } }>(
    "select after_value from audit_event where entity_type = 'sample-enquiries'",
  );
  assert.ok(row, 'the sample is audited');
  return row.after_value.anchorDay;
}

/** What must be the same in two fresh samples: times as offsets from the anchor day's end. */
async function fingerprint(database: Database) {
  const anchor = endOfLondonDay(await anchorDayOf(database)).getTime();
  const offset = (date: Date | null) => (date ? new Date(date).getTime() - anchor : null);
  const rows = await enquiries(database);
  const events = await database.query<{ reference: string; n: number; last: Date }>(
    `select e.reference, count(*)::int as n, max(v.occurred_at) as last
       from enquiry_event v join enquiry e on e.id = v.enquiry_id
      group by e.reference order by e.reference`,
  );
  const requests = await database.query<{
    reference: string;
    slug: string;
    responded: Date | null;
  }>(
    `select e.reference, o.slug, r.responded_at as responded
       from enquiry_site_request r
       join enquiry e on e.id = r.enquiry_id
       join organisation o on o.id = r.organisation_id
      order by e.reference, o.slug`,
  );
  return {
    enquiries: rows.map((row) => [
      row.reference,
      row.organisation_name,
      row.contact_email,
      row.enquiry_type,
      row.health_category,
      row.stage,
      row.closed_outcome,
      offset(row.received_at),
      offset(row.first_response_due_at),
      offset(row.first_responded_at),
      offset(row.stage_entered_at),
    ]),
    events: events.map((row) => [row.reference, row.n, offset(row.last)]),
    requests: requests.map((row) => [row.reference, row.slug, offset(row.responded)]),
  };
}

for (const engine of testEngines()) {
  describe(`sample enquiries on ${engine}`, () => {
    let first: TestApp;
    let second: TestApp;
    let database: Database;
    let startedAt: Date;

    before(async () => {
      startedAt = new Date();
      first = await buildTestApp(engine, { env: sampleEnv });
      second = await buildTestApp(engine, { env: sampleEnv });
      database = first.testDatabase.database;
    });
    after(async () => {
      await first.close();
      await second.close();
    });

    test('a first start fills the front door with about 60 past enquiries, all marked as sample', async () => {
      const rows = await enquiries(database);
      assert.ok(rows.length >= 50 && rows.length <= 70, `${rows.length} enquiries`);
      for (const row of rows) {
        assert.ok(row.organisation_name.endsWith(' (sample)'), row.organisation_name);
        assert.ok(row.description.startsWith('Sample data:'), row.description);
        assert.match(row.contact_email, /^sample\.[a-z]+\.[a-z]+@example\.com$/);
        assert.match(row.reference, /^MHA-\d{4}-\d{5}$/);
        assert.equal(row.owner_user_id, null);
      }
      assert.equal(new Set(rows.map((row) => row.reference)).size, rows.length, 'unique');

      // Every kind of enquiry, many health categories, every stage and outcome.
      assert.equal(new Set(rows.map((row) => row.enquiry_type)).size, enquiryTypes.length);
      const categories = new Set(rows.map((row) => row.health_category));
      assert.ok(categories.size >= 12, `${categories.size} health categories`);
      for (const category of categories) {
        assert.ok(healthCategories.some((known) => known.slug === category));
      }
      const byStage = (stage: string) => rows.filter((row) => row.stage === stage);
      const closed = byStage('closed');
      assert.ok(closed.length > rows.length / 2, 'most are closed');
      for (const outcome of ['won', 'lost', 'withdrawn']) {
        assert.ok(
          closed.some((row) => row.closed_outcome === outcome),
          outcome,
        );
      }
      for (const stage of ['received', 'triaged', 'sites-consulted', 'feasibility', 'open']) {
        assert.ok(byStage(stage).length > 0, stage);
      }
      const received = byStage('received');
      assert.ok(received.length >= 2 && received.length <= 6);
      const overdue = received.filter(
        (row) => row.first_response_due_at && new Date(row.first_response_due_at) < startedAt,
      );
      assert.equal(overdue.length, 1, 'one first response is overdue');

      // Over the last 12 months, nothing in the future.
      const yearAgo = startedAt.getTime() - 366 * 86_400_000;
      for (const row of rows) {
        assert.ok(new Date(row.received_at).getTime() > yearAgo, row.reference);
        assert.ok(new Date(row.stage_entered_at) <= startedAt, row.reference);
      }

      // First responses mostly within 1 to 4 working days.
      const calendar = new WorkingDayCalendar();
      const responded = rows.filter((row) => row.first_responded_at);
      const quick = responded.filter((row) => {
        const days = calendar.workingDaysBetween(
          new Date(row.received_at),
          new Date(row.first_responded_at as Date),
        );
        return days >= 1 && days <= 4;
      });
      assert.ok(quick.length >= responded.length * 0.75, `${quick.length}/${responded.length}`);
      assert.ok(
        rows.every((row) => (row.stage === 'received') === (row.first_responded_at === null)),
        'responded exactly when past received',
      );

      // Contract details once costing was reached.
      for (const row of byStage('costing-contracting').concat(byStage('set-up'), byStage('open'))) {
        assert.ok(row.model_agreement && row.contract_value_review, row.reference);
      }
      for (const row of byStage('triaged').concat(byStage('received'))) {
        assert.equal(row.model_agreement, null);
      }

      // No mail for sample data, and one audit event by the system.
      const [mail] = await database.query<{ n: number }>(
        "select count(*)::int as n from mail_message where to_address like '%@example.com'",
      );
      assert.equal(mail?.n, 0);
      const audit = await database.query<{
        actor_label: string;
        after_value: { enquiries: number };
      }>("select actor_label, after_value from audit_event where entity_type = 'sample-enquiries'");
      const [event] = audit;
      assert.ok(event && audit.length === 1);
      assert.equal(event.actor_label, 'system');
      assert.equal(event.after_value.enquiries, rows.length);
    });

    test('each enquiry has a timeline: events for every stage change, by "sample data"', async () => {
      const rows = await enquiries(database);
      const events = await database.query<{
        enquiry_id: string;
        occurred_at: Date;
        actor_label: string;
        kind: string;
        from_stage: string | null;
        to_stage: string | null;
      }>(
        `select enquiry_id::text as enquiry_id, occurred_at, actor_label, kind, from_stage, to_stage
           from enquiry_event order by enquiry_id, occurred_at, id`,
      );
      assert.ok(events.every((event) => event.actor_label === 'sample data'));
      for (const row of rows) {
        const own = events.filter((event) => event.enquiry_id === row.id);
        const [submitted] = own;
        assert.ok(submitted, row.reference);
        assert.equal(submitted.kind, 'submitted', row.reference);
        assert.equal(
          new Date(submitted.occurred_at).getTime(),
          new Date(row.received_at).getTime(),
        );
        const moves = own.filter((event) => event.to_stage !== null);
        // Each move starts where the last ended, and ends at the enquiry's stage.
        for (let i = 1; i < moves.length; i++) {
          assert.equal(moves[i]?.from_stage, moves[i - 1]?.to_stage, row.reference);
        }
        assert.equal(moves[moves.length - 1]?.to_stage, row.stage, row.reference);
        assert.equal(
          new Date(moves[moves.length - 1]?.occurred_at ?? 0).getTime(),
          new Date(row.stage_entered_at).getTime(),
          row.reference,
        );
        for (const event of own) assert.ok(new Date(event.occurred_at) <= startedAt);
      }
    });

    test('consulted enquiries asked 2 to 4 partners, some answering late, some not interested', async () => {
      const requests = await database.query<{
        enquiry_id: string;
        is_partner: boolean;
        due_at: Date;
        responded_at: Date | null;
        interested: boolean | null;
        principal_investigator: string | null;
      }>(
        `select r.enquiry_id::text as enquiry_id, o.is_partner, r.due_at, r.responded_at,
                r.interested, r.principal_investigator
           from enquiry_site_request r join organisation o on o.id = r.organisation_id`,
      );
      assert.ok(requests.length > 0);
      assert.ok(requests.every((request) => request.is_partner));
      const perEnquiry = new Map<string, number>();
      for (const request of requests) {
        perEnquiry.set(request.enquiry_id, (perEnquiry.get(request.enquiry_id) ?? 0) + 1);
      }
      assert.ok([...perEnquiry.values()].every((count) => count >= 2 && count <= 4));
      const answered = requests.filter((request) => request.responded_at);
      assert.ok(
        answered.some((request) => request.interested === false),
        'not interested',
      );
      assert.ok(
        answered.some(
          (request) => new Date(request.responded_at as Date) > new Date(request.due_at),
        ),
        'late',
      );
      assert.ok(
        requests.some((request) => request.responded_at === null),
        'unanswered',
      );
      for (const request of answered.filter((item) => item.interested)) {
        assert.ok(request.principal_investigator);
      }
    });

    test('two fresh apps make the same sample (relative to the anchor day)', async (t) => {
      const firstDay = await anchorDayOf(database);
      const secondDay = await anchorDayOf(second.testDatabase.database);
      if (firstDay !== secondDay) {
        t.skip('the two apps started either side of midnight');
        return;
      }
      assert.deepEqual(
        await fingerprint(second.testDatabase.database),
        await fingerprint(database),
      );
    });

    test('a restart adds nothing: the front door is no longer empty', async () => {
      const count = async () => (await enquiries(database)).length;
      const before = await count();
      const again = await seedSampleEnquiries({ database, audit: new AuditTrail(database) });
      assert.equal(again, null);
      assert.equal(await count(), before);
      const [audit] = await database.query<{ n: number }>(
        "select count(*)::int as n from audit_event where entity_type = 'sample-enquiries'",
      );
      assert.equal(audit?.n, 1);
    });
  });

  describe(`no sample enquiries on ${engine} when SAMPLE_DATA is false`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(engine);
    });
    after(async () => {
      await testApp.close();
    });

    test('the front door starts empty', async () => {
      const [row] = await testApp.testDatabase.database.query<{ n: number }>(
        'select count(*)::int as n from enquiry',
      );
      assert.equal(row?.n, 0);
    });
  });
}
