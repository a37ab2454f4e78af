/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { FormClient } from '../support/browser-like.js';
import { createUser, sessionFor } from '../support/users.js';
import {
  EnquiryQueuePage,
  OfficeEnquiryPage,
  SiteInboxPage,
  SiteRequestPage,
} from './pages/enquiry-workflow-pages.js';
import type { StaffPage } from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

describe('the enquiry workflow in Chromium', () => {
  let browser: Browser;
  let testApp: TestApp;
  let baseUrl: string;
  let officeSession: string;
  let siteSession: string;
  let reference: string;
  let overdueReference: string;
  let requestId: string;

  async function submit(organisationName: string) {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        organisationName,
        contactName: 'Grace Hopper',
        contactEmail: 'grace.hopper.long.address@borealis-devices.example',
        enquiryType: 'commercial-trial',
        healthCategory: 'musculoskeletal',
        phase: 'phase-2',
        participants: 300,
        sites: 4,
        description: 'A phase 2 trial of a treatment for sarcopenia in adults over 70 years old.',
        consentToContact: true,
      }),
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ reference: string }>().reference;
  }

  before(async () => {
    const started = await startSite();
    testApp = started.testApp;
    baseUrl = started.baseUrl;
    const { database } = testApp.testDatabase;
    const office = await createUser(database, 'alliance-office');
    const site = await createUser(database, 'site-office', { organisationSlug: 'uhb' });
    officeSession = await sessionFor(database, office.id);
    siteSession = await sessionFor(database, site.id);

    overdueReference = await submit('Late Pharma Ltd');
    await database.query(
      `update enquiry set first_response_due_at = now() - interval '1 day' where reference = $1`,
      [overdueReference],
    );
    // One enquiry triaged and sent to UHB, through the forms.
    reference = await submit('Borealis Devices');
    const path = `/office/enquiries/${reference}`;
    const client = new FormClient(testApp.app);
    client.setCookie('mha_session', officeSession);
    const triaged = await client.post(`${path}/triage`, { owner: office.id }, { formUrl: path });
    assert.equal(triaged.statusCode, 303);
    const page = (await client.get(path)).body;
    const field = (name: string) =>
      new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page)?.[1] ?? '';
    const [uhb] = await database.query<{ id: string }>(
      "select id::text as id from organisation where slug = 'uhb'",
    );
    assert.ok(uhb);
    const consulted = await client.post(
      `${path}/consult`,
      {
        organisations: [uhb.id],
        dueDay: field('dueDay'),
        dueMonth: field('dueMonth'),
        dueYear: field('dueYear'),
        message: 'Can you recruit 50 people by spring?',
      },
      { formUrl: path },
    );
    assert.equal(consulted.statusCode, 303, consulted.body);
    const [request] = await database.query<{ id: string }>(
      'select r.id::text as id from enquiry_site_request r join enquiry e on e.id = r.enquiry_id where e.reference = $1',
      [reference],
    );
    assert.ok(request);
    requestId = request.id;
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  async function signIn(context: BrowserContext, session: string) {
    await context.clearCookies();
    await context.addCookies([{ name: 'mha_session', value: session, url: baseUrl }]);
  }

  async function checkPage(page: StaffPage, h1: string) {
    assert.deepEqual(await page.headings(), [h1]);
    assert.deepEqual(await page.accessibilityViolations(), [], `axe on ${page.pathname()}`);
  }

  test('the queue, an enquiry, the inbox and a response (with errors) have no axe violations', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await signIn(context, officeSession);

      const queue = new EnquiryQueuePage(page);
      assert.equal(await queue.open(baseUrl, '/office/enquiries'), 200);
      assert.equal(await queue.rowLinks().count(), 2);
      assert.equal(await queue.overdueTags().count(), 1);
      await checkPage(queue, 'Enquiries');

      const received = new OfficeEnquiryPage(page);
      assert.equal(await received.open(baseUrl, `/office/enquiries/${overdueReference}`), 200);
      assert.equal(await received.moveButton('Triage enquiry').count(), 1);
      await checkPage(received, overdueReference);

      const consulted = new OfficeEnquiryPage(page);
      assert.equal(await consulted.open(baseUrl, `/office/enquiries/${reference}`), 200);
      assert.equal(await consulted.moveButton('Triage enquiry').count(), 0);
      assert.match(await consulted.mainText(), /University Hospitals Birmingham/);
      await checkPage(consulted, reference);

      await signIn(context, siteSession);
      const inbox = new SiteInboxPage(page);
      assert.equal(await inbox.open(baseUrl, '/site/requests'), 200);
      assert.equal(await inbox.requestLinks().count(), 1);
      await checkPage(inbox, 'Requests to your organisation');

      const request = new SiteRequestPage(page);
      await request.andWaitForNewPage(() => inbox.requestLinks().first().click());
      assert.equal(request.pathname(), `/site/requests/${requestId}`);
      assert.doesNotMatch(await request.mainText(), /Grace Hopper|borealis-devices/);
      await checkPage(request, `Enquiry ${reference}`);

      await request.answer('yes').check();
      assert.equal(await request.send(), 422);
      assert.deepEqual(
        (await request.errorSummaryLinks()).map((link) => link.href),
        ['#principalInvestigator'],
      );
      assert.ok(await request.fieldDescribedByError('principalInvestigator'));
      await checkPage(request, `Enquiry ${reference}`);

      await page.locator('#principalInvestigator').fill('Dr Ada Lovelace');
      assert.equal(await request.send(), 200);
      assert.match(await request.mainText(), /Dr Ada Lovelace/);
      assert.equal(await request.sendButton().count(), 0, 'the answer is read-only');
      await checkPage(request, `Enquiry ${reference}`);
    } finally {
      await context.close();
    }
  });

  test('at 320 px without JavaScript the queue and the enquiry page do not scroll sideways', async () => {
    const context = await browser.newContext(narrowNoScript);
    try {
      const page = await context.newPage();
      await signIn(context, officeSession);
      const queue = new EnquiryQueuePage(page);
      assert.equal(await queue.open(baseUrl, '/office/enquiries?stage=all'), 200);
      assert.equal(await queue.horizontalOverflow(), 0, 'the queue scrolls sideways');
      for (const ref of [overdueReference, reference]) {
        const enquiry = new OfficeEnquiryPage(page);
        assert.equal(await enquiry.open(baseUrl, `/office/enquiries/${ref}`), 200);
        assert.equal(await enquiry.horizontalOverflow(), 0, `${ref} scrolls sideways`);
      }
      await signIn(context, siteSession);
      const request = new SiteRequestPage(page);
      assert.equal(await request.open(baseUrl, `/site/requests/${requestId}`), 200);
      assert.equal(await request.horizontalOverflow(), 0, 'the request page scrolls sideways');
    } finally {
      await context.close();
    }
  });
});
