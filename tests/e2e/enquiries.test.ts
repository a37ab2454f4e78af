/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import {
  EnquiryFormPage,
  EnquirySentPage,
  EnquiryStatusPage,
  type EnquiryAnswers,
} from './pages/enquiry-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

const answers: EnquiryAnswers = {
  organisationName: 'Keyboard Biotech Ltd',
  contactName: 'Kim Keys',
  contactEmail: 'kim@keyboard-biotech.example',
  contactPhone: '+44 121 496 0000',
  enquiryTypeSteps: 0,
  healthCategory: 'Mus',
  phaseSteps: 1,
  participants: '240',
  sites: '4',
  timeline: 'First participant by spring 2027',
  description: [
    'A phase 2 trial of a treatment for sarcopenia.',
    'We need sites with DXA scanning and a frailty clinic.',
  ],
};

describe('the industry enquiry in Chromium', () => {
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

  async function withPage(options: BrowserContextOptions, body: (page: Page) => Promise<void>) {
    const context = await browser.newContext(options);
    try {
      const page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      await body(page);
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  }

  /** The status link mailed to an address, pointed at the test server. */
  async function mailedStatusLink(address: string): Promise<string> {
    const [mail] = await testApp.testDatabase.database.query<{ body_text: string }>(
      'select body_text from mail_message where to_address = $1 order by created_at desc limit 1',
      [address],
    );
    const link = /https?:\/\/[^\s/]+(\/enquiries\/status\/[A-Za-z0-9_-]{43})/.exec(
      mail?.body_text ?? '',
    );
    assert.ok(link?.[1], `a status link was mailed to ${address}`);
    return `${baseUrl}${link[1]}`;
  }

  /** An enquiry sent by the API, for the pages that need one. */
  async function enquiryByApi(email: string): Promise<string> {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      payload: {
        organisationName: 'Narrow Screens plc',
        contactName: 'Sam Small',
        contactEmail: email,
        enquiryType: 'data-feasibility',
        healthCategory: 'Respiratory',
        description: 'Feasibility counts for an asthma registry study across the Midlands.',
        consentToContact: true,
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return new URL(response.json<{ statusUrl: string }>().statusUrl).pathname;
  }

  test('a new enquirer sends an enquiry with the keyboard, sees the reference and follows the mailed link; axe finds nothing', async () => {
    await withPage({}, async (page) => {
      const form = new EnquiryFormPage(page);
      assert.equal(await form.open(baseUrl, '/enquiries/new'), 200);
      assert.deepEqual(await form.headings(), ['Make an enquiry']);
      assert.deepEqual(await form.accessibilityViolations(), [], 'axe on the form');

      // Sent empty: every problem is listed, linked to its field, and axe is still content.
      assert.equal(await form.send(), 422);
      assert.match(await page.title(), /^Error: Make an enquiry/);
      assert.deepEqual(
        (await form.errorSummaryLinks()).map((link) => link.href),
        [
          '#organisationName',
          '#contactName',
          '#contactEmail',
          '#enquiryType',
          '#healthCategory',
          '#description',
          '#consentToContact',
        ],
      );
      assert.ok(await form.fieldDescribedByError('organisationName'));
      assert.ok(await form.fieldDescribedByError('description'));
      assert.deepEqual(await form.accessibilityViolations(), [], 'axe on the form with errors');
      await page.locator('.nhsuk-error-summary a[href="#organisationName"]').click();
      assert.ok(await form.focusIsOn('#organisationName'));

      // A fresh form, from the top of the page, with the keyboard alone.
      assert.equal(await form.open(baseUrl, '/enquiries/new'), 200);
      await form.fillWithKeyboard(answers);
      assert.deepEqual(await form.values(), {
        organisationName: answers.organisationName,
        contactName: answers.contactName,
        contactEmail: answers.contactEmail,
        contactPhone: answers.contactPhone,
        enquiryType: 'commercial-trial',
        healthCategory: 'musculoskeletal',
        phase: 'phase-2',
        participants: answers.participants,
        sites: answers.sites,
        timeline: answers.timeline,
        description: answers.description.join('\n'),
        consentToContact: 'yes',
      });

      const sent = new EnquirySentPage(page);
      assert.equal(await form.sendWithKeyboard(), 200);
      assert.match(sent.pathname(), /^\/enquiries\/sent\/[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(await sent.headings(), ['Enquiry sent']);
      const reference = await sent.reference();
      assert.match(reference, /^MHA-\d{4}-\d{5}$/);
      const sentText = await sent.mainText();
      assert.match(sentText, /What happens next/);
      assert.match(sentText, /within 3 working days/);
      assert.doesNotMatch(sentText, /sarcopenia|kim@keyboard-biotech|Kim Keys/);
      assert.deepEqual(await sent.accessibilityViolations(), [], 'axe on the confirmation');

      const status = new EnquiryStatusPage(page);
      assert.equal(await status.open(await mailedStatusLink(answers.contactEmail), ''), 200);
      assert.deepEqual(await status.headings(), [reference]);
      assert.match(
        await status.mainText(),
        /We have your enquiry and will reply within 3 working days/,
      );
      const progress = await status.progress();
      assert.equal(progress[0], 'Received: Current stage');
      assert.equal(progress[1], 'Triaged: Not yet');
      assert.deepEqual(await status.accessibilityViolations(), [], 'axe on the status page');
    });
  });

  test('the form with errors and the status page work at 320 px without JavaScript', async () => {
    const statusPath = await enquiryByApi('narrow@example.org');
    await withPage(narrowNoScript, async (page) => {
      const form = new EnquiryFormPage(page);
      assert.equal(await form.open(baseUrl, '/enquiries/new'), 200);
      assert.equal(await form.horizontalOverflow(), 0, 'the form scrolls sideways');
      await form.field('organisationName').fill('A'.repeat(240));
      await form
        .field('contactEmail')
        .fill('an-unusually-long-address-without-an-at-sign.example.org');
      assert.equal(await form.send(), 422);
      assert.deepEqual(await form.headings(), ['Make an enquiry']);
      assert.ok((await form.errorSummaryLinks()).length >= 5);
      assert.equal(await form.horizontalOverflow(), 0, 'the form with errors scrolls sideways');

      const status = new EnquiryStatusPage(page);
      assert.equal(await status.open(baseUrl, statusPath), 200);
      assert.match((await status.headings())[0] ?? '', /^MHA-\d{4}-\d{5}$/);
      assert.equal(await status.horizontalOverflow(), 0, 'the status page scrolls sideways');

      const unknown = await status.open(baseUrl, `/enquiries/status/${'x'.repeat(43)}`);
      assert.equal(unknown, 404);
    });
  });
});
