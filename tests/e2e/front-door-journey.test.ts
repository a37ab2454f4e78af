/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { createUser, sessionFor } from '../support/users.js';
import { StaffPage } from './pages/staff-pages.js';
import { launchChromium, startSite } from './support/browser.js';

/**
 * The front door's whole acceptance journey in one browser: a new enquirer sends an enquiry and
 * follows the mailed status link; the alliance office triages it and asks two partner sites; each
 * site answers from its own inbox; stage and clocks move, the enquirer sees it, and the audit
 * trail has every step.
 */
describe('the front door, from enquiry to site answers, in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let testApp: TestApp;

  before(async () => {
    ({ baseUrl, testApp } = await startSite());
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  async function signedInAs(userId: string): Promise<BrowserContext> {
    const context = await browser.newContext();
    const session = await sessionFor(testApp.testDatabase.database, userId);
    await context.addCookies([{ name: 'mha_session', value: session, url: baseUrl }]);
    return context;
  }

  test('enquiry, status link, triage, two sites consulted and answering, timeline and audit', async () => {
    const { database } = testApp.testDatabase;
    const organisations = await database.query<{ id: string; slug: string; name: string }>(
      `select id::text as id, slug, name from organisation where slug in ('uhb', 'nuh') order by slug`,
    );
    const [nuh, uhb] = organisations;
    assert.ok(nuh && uhb);
    const office = await createUser(database, 'alliance-office', {
      email: 'owner@alliance.example',
    });
    const nuhOffice = await createUser(database, 'site-office', {
      email: 'rd@nuh.example',
      organisationSlug: 'nuh',
    });
    const uhbOffice = await createUser(database, 'site-office', {
      email: 'rd@uhb.example',
      organisationSlug: 'uhb',
    });
    const contexts: BrowserContext[] = [];
    try {
      // 1. A new enquirer sends the enquiry.
      const enquirerContext = await browser.newContext();
      contexts.push(enquirerContext);
      const enquirer = new StaffPage(await enquirerContext.newPage());
      assert.equal(await enquirer.open(baseUrl, '/enquiries/new'), 200);
      const page = enquirer.page;
      await page.locator('#organisationName').fill('Journey Therapeutics Ltd');
      await page.locator('#contactName').fill('Jo Journey');
      await page.locator('#contactEmail').fill('jo@journey-therapeutics.example');
      await page.locator('input[name="enquiryType"][value="commercial-trial"]').check();
      await page.locator('#healthCategory').selectOption('musculoskeletal');
      await page
        .locator('#description')
        .fill(
          'A phase 2 trial of a new treatment for sarcopenia in older adults, with grip strength as the main outcome.',
        );
      await page.locator('input[name="consentToContact"]').check();
      assert.equal(
        await enquirer.andWaitForNewPage(() =>
          page.locator('main form button', { hasText: /send/i }).click(),
        ),
        200,
      );
      const reference = /MHA-\d{4}-\d{5}/.exec(await enquirer.mainText())?.[0];
      assert.ok(reference, 'the confirmation shows the reference');

      // 2. The acknowledgement is in the outbox, and its link shows the status.
      const [mail] = await database.query<{ subject: string; body_text: string }>(
        `select subject, body_text from mail_message where to_address = $1`,
        ['jo@journey-therapeutics.example'],
      );
      assert.ok(mail?.subject.includes(reference), mail?.subject);
      assert.ok(mail);
      const statusPath = /\/enquiries\/status\/[A-Za-z0-9_-]{43}/.exec(mail.body_text)?.[0];
      assert.ok(statusPath);
      assert.equal(await enquirer.open(baseUrl, statusPath), 200);
      assert.match(await enquirer.mainText(), /Received/);

      // 3. The alliance office triages it and asks both sites.
      const officeContext = await signedInAs(office.id);
      contexts.push(officeContext);
      const officePage = new StaffPage(await officeContext.newPage());
      assert.equal(await officePage.open(baseUrl, '/office/enquiries'), 200);
      await officePage.andWaitForNewPage(() =>
        officePage.page.locator('main table a', { hasText: reference }).click(),
      );
      assert.deepEqual(await officePage.headings(), [reference]);
      await officePage.page.locator('#owner').selectOption(office.id);
      assert.equal(
        await officePage.andWaitForNewPage(() =>
          officePage.page.locator('main form button', { hasText: 'Triage enquiry' }).click(),
        ),
        200,
      );
      assert.match(await officePage.mainText(), /Triaged/);
      for (const organisation of [nuh, uhb]) {
        await officePage.page
          .locator(`input[name="organisations"][value="${organisation.id}"]`)
          .check();
      }
      await officePage.page
        .locator('#message')
        .fill('Can you take part? Please say by the deadline.');
      assert.equal(
        await officePage.andWaitForNewPage(() =>
          officePage.page.locator('main form button', { hasText: 'Ask sites' }).click(),
        ),
        200,
      );
      assert.match(await officePage.mainText(), /Sites consulted/);

      // 4. Each site answers from its own inbox.
      for (const [user, investigator] of [
        [nuhOffice, 'Dr Nita Patel'],
        [uhbOffice, 'Prof Ben Okafor'],
      ] as const) {
        const siteContext = await signedInAs(user.id);
        contexts.push(siteContext);
        const site = new StaffPage(await siteContext.newPage());
        assert.equal(await site.open(baseUrl, '/site/requests'), 200);
        await site.andWaitForNewPage(() =>
          site.page.locator('main table a', { hasText: reference }).click(),
        );
        await site.page.locator('input[name="interested"][value="yes"]').check();
        await site.page.locator('#principalInvestigator').fill(investigator);
        await site.page.locator('#estimatedRecruitment').fill('30');
        assert.equal(
          await site.andWaitForNewPage(() =>
            site.page.locator('main form button', { hasText: 'Send answer' }).click(),
          ),
          200,
        );
        assert.match(await site.mainText(), new RegExp(investigator));
      }

      // 5. The stage and the clocks moved, and the enquirer sees it.
      assert.equal(await officePage.open(baseUrl, `/office/enquiries/${reference}`), 200);
      const officeText = await officePage.mainText();
      assert.match(officeText, /Sites responded/);
      assert.match(officeText, /Dr Nita Patel/);
      assert.match(officeText, /Prof Ben Okafor/);
      const [clocks] = await database.query<{
        stage: string;
        first_responded_at: Date | null;
        stage_entered_at: Date;
        received_at: Date;
      }>(
        `select stage, first_responded_at, stage_entered_at, received_at from enquiry
         where reference = $1`,
        [reference],
      );
      assert.equal(clocks?.stage, 'sites-responded');
      assert.ok(clocks.first_responded_at, 'the first response was recorded');
      assert.ok(new Date(clocks.stage_entered_at) > new Date(clocks.received_at));
      assert.equal(await enquirer.open(baseUrl, statusPath), 200);
      assert.match(await enquirer.mainText(), /Sites responded/);

      // 6. Every step is in the audit trail.
      const audit = await database.query<{ action: string; actor_label: string }>(
        `select a.action, a.actor_label from audit_event a
         join enquiry e on e.reference = $1
         where (a.entity_type = 'enquiry' and a.entity_id = e.id::text)
           or (a.entity_type = 'enquiry-site-request' and a.entity_id in (
             select r.id::text from enquiry_site_request r where r.enquiry_id = e.id))
         order by a.occurred_at, a.id`,
        [reference],
      );
      const steps = audit.map((row) => `${row.action} by ${row.actor_label}`);
      assert.ok(steps[0]?.startsWith('create'), steps.join('\n'));
      for (const expected of [
        'stage-change by owner@alliance.example',
        'site-response by rd@nuh.example',
        'site-response by rd@uhb.example',
      ]) {
        assert.ok(steps.includes(expected), `${expected} in\n${steps.join('\n')}`);
      }
      assert.ok(steps.filter((step) => step.startsWith('stage-change')).length >= 3);
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
