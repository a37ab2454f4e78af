import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { AccountLinks } from '../../../src/features/accounts/links.js';
import { EnquiryMatcher } from '../../../src/features/directory/matching.js';
import { DirectorySearch } from '../../../src/features/directory/service.js';
import {
  defineEnquiryReminders,
  enquiryReminderQueue,
  runEnquiryReminders,
  scheduleEnquiryReminders,
} from '../../../src/features/enquiries/reminders/index.js';
import type { EnquiryFeatureServices } from '../../../src/features/enquiries/services.js';
import { endOfLondonDay } from '../../../src/features/enquiries/working-days.js';
import { PublicSite } from '../../../src/features/public-site/service.js';
import { AuditTrail } from '../../../src/platform/audit/audit-trail.js';
import { SessionStore } from '../../../src/platform/auth/sessions.js';
import type { Database } from '../../../src/platform/db/database.js';
import { testEngines } from '../../support/databases.js';
import { createUser } from '../../support/users.js';
import {
  createMailTestDatabase,
  mailServicesFor,
  waitFor,
  type MailTestDatabase,
} from '../mail/support.js';

const publicUrl = 'https://mha.test';

/** The feature's services on a test database, as app.ts builds them (jobs not started). */
function enquiryServices(testDatabase: MailTestDatabase): EnquiryFeatureServices {
  const database = testDatabase.database;
  const audit = new AuditTrail(database);
  const { mail } = mailServicesFor(testDatabase);
  return {
    database,
    audit,
    mail,
    directorySearch: new DirectorySearch(database),
    enquiryMatcher: new EnquiryMatcher(database),
    accountLinks: new AccountLinks(
      database,
      new SessionStore(database),
      audit,
      mail.outbox,
      publicUrl,
    ),
  };
}

let referenceNumber = 0;

async function insertEnquiry(
  database: Database,
  fields: {
    stage?: string;
    receivedAt: Date;
    firstResponseDueAt: Date;
    ownerUserId?: string;
    closedOutcome?: string;
    sample?: boolean;
  },
): Promise<{ id: string; reference: string }> {
  referenceNumber += 1;
  const reference = `MHA-2026-${String(referenceNumber).padStart(5, '0')}`;
  const [row] = await database.query<{ id: string }>(
    `insert into enquiry
       (reference, organisation_name, contact_name, contact_email, enquiry_type, health_category,
        description, consent_to_contact, channel, stage, owner_user_id, received_at,
        first_response_due_at, closed_outcome, status_token_hash, status_token_expires_at)
     values ($1, $2, 'Ada Enquirer', 'ada@enquirer.example', 'commercial-trial', 'musculoskeletal',
             $3, true, 'form', $4, $5, $6, $7, $8, $9, $6::timestamptz + interval '2 years')
     returning id::text as id`,
    [
      reference,
      fields.sample ? 'Quillfeather Therapeutics (sample)' : 'Acme Therapeutics',
      fields.sample
        ? 'Sample data: an invented enquiry that nobody is reminded of.'
        : 'A phase 2 trial of a new treatment for sarcopenia in adults over 70.',
      fields.stage ?? 'received',
      fields.ownerUserId ?? null,
      fields.receivedAt,
      fields.firstResponseDueAt,
      fields.closedOutcome ?? null,
      randomBytes(32).toString('hex'),
    ],
  );
  if (!row) throw new Error('no enquiry inserted');
  return { id: row.id, reference };
}

async function organisationId(database: Database, slug: string): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    'select id from organisation where slug = $1',
    [slug],
  );
  if (!row) throw new Error(`no organisation ${slug}`);
  return row.id;
}

async function insertSiteRequest(
  database: Database,
  fields: { enquiryId: string; organisationId: string; dueAt: Date; answered?: boolean },
): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    `insert into enquiry_site_request
       (enquiry_id, organisation_id, requested_at, due_at, responded_at, interested)
     values ($1, $2, $3::timestamptz - interval '10 days', $3, $4, $5)
     returning id::text as id`,
    [
      fields.enquiryId,
      fields.organisationId,
      fields.dueAt,
      fields.answered ? fields.dueAt : null,
      fields.answered ? false : null,
    ],
  );
  if (!row) throw new Error('no site request inserted');
  return row.id;
}

interface MailRow {
  to_address: string;
  subject: string;
  body_text: string;
}

const mailTo = (database: Database) =>
  database.query<MailRow>(
    'select to_address, subject, body_text from mail_message order by to_address, created_at',
  );

// Late November 2026 is GMT, so London times equal UTC here.
const at = (iso: string) => new Date(iso);
const mondayMorning = at('2026-11-30T09:30:00Z');

for (const engine of testEngines()) {
  describe(`enquiry reminders on ${engine}`, () => {
    let testDatabase: MailTestDatabase;
    let services: EnquiryFeatureServices;
    let database: Database;
    const people: Record<string, { id: string; email: string }> = {};
    let overdue: { id: string; reference: string };
    let owned: { id: string; reference: string };
    let consulted: { id: string; reference: string };
    let uhbRequest: string;

    before(async () => {
      testDatabase = await createMailTestDatabase(engine);
      database = testDatabase.database;
      services = enquiryServices(testDatabase);
      await new PublicSite(database).seedReferenceContent();

      for (const [name, role, organisationSlug] of [
        ['office1', 'alliance-office', undefined],
        ['office2', 'alliance-office', undefined],
        ['officeGone', 'alliance-office', undefined],
        ['admin', 'admin', undefined],
        ['siteUhb', 'site-office', 'uhb'],
        ['siteNuh', 'site-office', 'nuh'],
      ] as const) {
        const user = await createUser(database, role, {
          email: `${name.toLowerCase()}@mha.test`,
          ...(organisationSlug ? { organisationSlug } : {}),
        });
        people[name] = { id: user.id, email: user.email };
      }
      await database.query("update app_user set status = 'deactivated' where email = $1", [
        'officegone@mha.test',
      ]);

      // A first response overdue (due last Friday) and no owner: the whole office is told.
      overdue = await insertEnquiry(database, {
        receivedAt: at('2026-11-24T10:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-11-27'),
      });
      // Due tomorrow, with an owner: only the owner is told.
      owned = await insertEnquiry(database, {
        receivedAt: at('2026-11-26T10:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-12-01'),
        ownerUserId: people.office1?.id ?? '',
      });
      // Due in three working days: not yet.
      await insertEnquiry(database, {
        receivedAt: at('2026-11-30T08:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-12-03'),
      });
      // Overdue, but sample data: never reminded of.
      await insertEnquiry(database, {
        receivedAt: at('2026-11-20T10:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-11-25'),
        sample: true,
      });

      const uhb = await organisationId(database, 'uhb');
      const nuh = await organisationId(database, 'nuh');
      consulted = await insertEnquiry(database, {
        stage: 'sites-consulted',
        receivedAt: at('2026-11-09T10:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-11-12'),
      });
      // UHB's answer is due tomorrow; NUH's in two weeks.
      uhbRequest = await insertSiteRequest(database, {
        enquiryId: consulted.id,
        organisationId: uhb,
        dueAt: endOfLondonDay('2026-12-01'),
      });
      await insertSiteRequest(database, {
        enquiryId: consulted.id,
        organisationId: nuh,
        dueAt: endOfLondonDay('2026-12-14'),
      });
      // A closed enquiry's unanswered request, and an answered one: neither is reminded of.
      const closed = await insertEnquiry(database, {
        stage: 'closed',
        closedOutcome: 'withdrawn',
        receivedAt: at('2026-11-02T10:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-11-05'),
      });
      await insertSiteRequest(database, {
        enquiryId: closed.id,
        organisationId: uhb,
        dueAt: endOfLondonDay('2026-11-20'),
      });
      const answered = await insertEnquiry(database, {
        stage: 'sites-consulted',
        receivedAt: at('2026-11-03T10:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-11-06'),
      });
      await insertSiteRequest(database, {
        enquiryId: answered.id,
        organisationId: uhb,
        dueAt: endOfLondonDay('2026-11-27'),
        answered: true,
      });
    });
    after(async () => {
      await testDatabase.dispose();
    });

    test('a working day: each person gets one mail listing what is due or overdue for them', async () => {
      const result = await runEnquiryReminders(services, mondayMorning, { publicUrl });
      assert.deepEqual(result, {
        day: '2026-11-30',
        workingDay: true,
        mails: 3,
        firstResponses: 3,
        siteRequests: 1,
        alreadySent: 0,
      });

      const mails = await mailTo(database);
      assert.deepEqual(
        mails.map((mail) => [mail.to_address, mail.subject]),
        [
          ['office1@mha.test', 'Reminder: 2 enquiry deadlines (1 overdue)'],
          ['office2@mha.test', 'Reminder: 1 enquiry deadline (1 overdue)'],
          ['siteuhb@mha.test', 'Reminder: 1 enquiry deadline coming up'],
        ],
      );
      const [office1, office2, site] = mails;
      assert.ok(office1 && office2 && site);

      assert.match(office1.body_text, /^Hello Test alliance-office,/);
      assert.ok(office1.body_text.includes(`- ${overdue.reference}: Acme Therapeutics`));
      assert.ok(
        office1.body_text.includes(
          'First response OVERDUE: it was due by Friday 27 November 2026.',
        ),
      );
      assert.ok(office1.body_text.includes(`${publicUrl}/office/enquiries/${overdue.reference}`));
      assert.ok(office1.body_text.includes(`- ${owned.reference}: Acme Therapeutics`));
      assert.ok(office1.body_text.includes('First response due by Tuesday 1 December 2026.'));
      assert.ok(office1.body_text.includes(`${publicUrl}/office/enquiries/${owned.reference}`));
      assert.ok(
        office1.body_text.indexOf(overdue.reference) < office1.body_text.indexOf(owned.reference),
        'the oldest deadline comes first',
      );

      assert.ok(office2.body_text.includes(overdue.reference));
      assert.ok(!office2.body_text.includes(owned.reference), 'an owned enquiry is its owner’s');

      assert.ok(site.body_text.includes(`- ${consulted.reference}: Commercial clinical trial`));
      assert.ok(site.body_text.includes('Answer due by Tuesday 1 December 2026.'));
      assert.ok(site.body_text.includes(`${publicUrl}/site/requests/${uhbRequest}`));
      assert.ok(!site.body_text.includes(overdue.reference));

      // Nothing for the deactivated, the admin, or the other site (its answer is not due yet).
      for (const email of ['officegone@mha.test', 'admin@mha.test', 'sitenuh@mha.test']) {
        assert.ok(!mails.some((mail) => mail.to_address === email), email);
      }
      assert.ok(!mails.some((mail) => /sample/i.test(mail.body_text)), 'no sample enquiry');

      const keys = await database.query<{ reminder_key: string }>(
        'select reminder_key from enquiry_reminder order by reminder_key',
      );
      assert.deepEqual(
        keys.map((row) => row.reminder_key),
        [
          `first-response:${overdue.id}:${people.office1?.id}:overdue:2026-11-30`,
          `first-response:${overdue.id}:${people.office2?.id}:overdue:2026-11-30`,
          `first-response:${owned.id}:${people.office1?.id}:due:2026-11-30`,
          `site-request:${uhbRequest}:${people.siteUhb?.id}:due:2026-11-30`,
        ].sort(),
      );
      const audit = await database.query<{ actor_label: string; after_value: { mails: number } }>(
        `select actor_label, after_value from audit_event where entity_type = 'enquiry-reminders'`,
      );
      const [event] = audit;
      assert.ok(event && audit.length === 1);
      assert.equal(event.actor_label, 'system');
      assert.equal(event.after_value.mails, 3);
    });

    test('running again the same day sends nothing new', async () => {
      const before = (await mailTo(database)).length;
      const result = await runEnquiryReminders(services, at('2026-11-30T15:00:00Z'), {
        publicUrl,
      });
      assert.equal(result.mails, 0);
      assert.equal(result.alreadySent, 4);
      assert.equal((await mailTo(database)).length, before);
    });

    test('nothing is sent on a Saturday, nor on a bank holiday', async () => {
      const before = (await mailTo(database)).length;
      const saturday = await runEnquiryReminders(services, at('2026-12-05T09:30:00Z'), {
        publicUrl,
      });
      assert.deepEqual(saturday, {
        day: '2026-12-05',
        workingDay: false,
        mails: 0,
        firstResponses: 0,
        siteRequests: 0,
        alreadySent: 0,
      });
      const christmas = await runEnquiryReminders(services, at('2026-12-25T09:30:00Z'), {
        publicUrl,
      });
      assert.equal(christmas.workingDay, false);
      assert.equal((await mailTo(database)).length, before);
    });

    test('the next working day reminds again, once, even when two runs race', async () => {
      const before = (await mailTo(database)).length;
      const tuesday = at('2026-12-01T09:00:00Z');
      const results = await Promise.all([
        runEnquiryReminders(services, tuesday, { publicUrl }),
        runEnquiryReminders(services, tuesday, { publicUrl }),
      ]);
      assert.equal(results[0].mails + results[1].mails, 3);
      assert.equal((await mailTo(database)).length, before + 3);
      const tuesdayKeys = await database.query<{ reminder_key: string }>(
        "select reminder_key from enquiry_reminder where reminder_key like '%:2026-12-01'",
      );
      assert.equal(tuesdayKeys.length, 4);
    });
  });

  describe(`the enquiry reminder job on ${engine}`, () => {
    let testDatabase: MailTestDatabase;
    let services: EnquiryFeatureServices;

    before(async () => {
      testDatabase = await createMailTestDatabase(engine);
      services = enquiryServices(testDatabase);
      await new PublicSite(testDatabase.database).seedReferenceContent();
    });
    after(async () => {
      await services.mail.stop();
      await testDatabase.dispose();
    });

    test('is defined and scheduled, and runs through the job runner when sent', async () => {
      const { database, jobSchema } = testDatabase;
      defineEnquiryReminders(services, publicUrl, { clock: () => mondayMorning });
      await services.mail.start();
      scheduleEnquiryReminders(services);

      // The catch-up run waits a few minutes after start-up, as a singleton of the day.
      const [scheduled] = await waitFor('the catch-up run to be queued', async () => {
        const pending = await services.mail.jobs.pendingJobs(enquiryReminderQueue);
        return pending.length > 0 ? pending : null;
      });
      assert.ok(scheduled);

      await createUser(database, 'alliance-office', { email: 'office@mha.test' });
      const enquiry = await insertEnquiry(database, {
        receivedAt: at('2026-11-24T10:00:00Z'),
        firstResponseDueAt: endOfLondonDay('2026-11-27'),
      });

      const jobId = await services.mail.jobs.send(enquiryReminderQueue, {});
      assert.ok(jobId);
      await waitFor('the job to complete', async () => {
        const [row] = await database.query<{ state: string }>(
          `select state::text as state from ${jobSchema}.job where id = $1`,
          [jobId],
        );
        return row?.state === 'completed';
      });
      const mails = await database.query<MailRow>(
        "select to_address, subject, body_text from mail_message where to_address = 'office@mha.test'",
      );
      const [mail] = mails;
      assert.ok(mail && mails.length === 1);
      assert.equal(mail.subject, 'Reminder: 1 enquiry deadline (1 overdue)');
      assert.ok(mail.body_text.includes(`${publicUrl}/office/enquiries/${enquiry.reference}`));
    });
  });
}
