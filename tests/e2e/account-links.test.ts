/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { createUser, sessionFor } from '../support/users.js';
import { AccountPage, PlatformPage } from './pages/account-pages.js';
import { SignInPage } from './pages/sign-in-page.js';
import { launchChromium, startSite } from './support/browser.js';

/**
 * The emailed-link journeys as a person lives them: ask for a link, find it in the mail that the
 * platform wrote to its outbox, open it in the browser, choose a password, sign in. Keyboard only.
 */
describe('emailed links in Chromium', () => {
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

  /** The newest link of `kind` mailed to `email`, pointed at the site under test. */
  async function linkMailedTo(email: string, kind: string): Promise<string> {
    const rows = await testApp.testDatabase.database.query<{ body_text: string }>(
      'select body_text from mail_message where to_address = $1 order by created_at desc limit 1',
      [email],
    );
    const found = new RegExp(`https?://[^/\\s]+(/account/${kind}/[A-Za-z0-9_-]{43})`).exec(
      rows[0]?.body_text ?? '',
    );
    assert.ok(found?.[1], `a ${kind} link was mailed to ${email}`);
    return `${baseUrl}${found[1]}`;
  }

  /** On the new-password page: types the password twice and submits, keyboard only. */
  async function choosePassword(page: PlatformPage, password: string) {
    await page.tabTo('#newPassword');
    await page.page.keyboard.type(password);
    await page.tabTo('#confirmPassword', 1);
    await page.page.keyboard.type(password);
    await page.tabTo('main form button', 1);
    return page.andWaitForNewPage(() => page.page.keyboard.press('Enter'));
  }

  test('a forgotten password is reset through the emailed link, which then stops working', async () => {
    const person = await createUser(testApp.testDatabase.database, 'investigator', {
      email: 'forgetful.investigator@example.org',
    });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl);
      await signIn.tabTo('main a[href="/account/forgotten-password"]');
      await signIn.andWaitForNewPage(() => page.keyboard.press('Enter'));
      assert.deepEqual(await signIn.headings(), ['Reset your password']);
      assert.deepEqual(await signIn.accessibilityViolations(), []);

      await signIn.tabTo('#email');
      await page.keyboard.type(person.email);
      await signIn.tabTo('main form button', 1);
      assert.equal(await signIn.andWaitForNewPage(() => page.keyboard.press('Enter')), 200);
      assert.deepEqual(await signIn.headings(), ['Check your email']);

      const link = await linkMailedTo(person.email, 'reset-password');
      assert.equal(await signIn.open(baseUrl, new URL(link).pathname), 200);
      assert.deepEqual(await signIn.headings(), ['Choose a new password']);
      assert.deepEqual(await signIn.accessibilityViolations(), []);
      const newPassword = 'copper kettles hum at dawn';
      await choosePassword(signIn, newPassword);
      assert.equal(signIn.pathname(), '/sign-in');
      assert.match(
        await signIn.mainText(),
        /Your password has been changed\. Sign in with your new password\./,
      );

      await signIn.signInWithKeyboard(person.email, newPassword);
      const account = new AccountPage(page);
      assert.equal(account.pathname(), '/account');
      assert.equal((await account.details())['Email address'], person.email);

      // The link works once.
      await page.goto(link);
      assert.deepEqual(await account.headings(), [
        'This link has expired or has already been used',
      ]);
    } finally {
      await context.close();
    }
  });

  test('an administrator invites someone, who accepts by the emailed link and signs in', async () => {
    const { database } = testApp.testDatabase;
    const administrator = await createUser(database, 'admin', {
      email: 'inviting.admin@example.org',
    });
    const adminContext = await browser.newContext();
    const inviteeContext = await browser.newContext();
    try {
      await adminContext.addCookies([
        { name: 'mha_session', value: await sessionFor(database, administrator.id), url: baseUrl },
      ]);
      const adminPage = new PlatformPage(await adminContext.newPage());
      assert.equal(await adminPage.open(baseUrl, '/admin/users/invite'), 200);
      assert.deepEqual(await adminPage.headings(), ['Invite someone']);
      await adminPage.tabTo('#displayName');
      await adminPage.page.keyboard.type('Priya Invited');
      await adminPage.tabTo('#email', 1);
      await adminPage.page.keyboard.type('priya.invited@example.org');
      // Radios: Tab enters the group on its first option, arrow keys move and select.
      await adminPage.tabTo('input[name="role"]', 1);
      const investigatorIndex = await adminPage.page
        .locator('input[name="role"]')
        .evaluateAll((radios) =>
          radios.findIndex((radio) => (radio as HTMLInputElement).value === 'investigator'),
        );
      assert.ok(investigatorIndex >= 0, 'investigator is one of the roles offered');
      await adminPage.page.keyboard.press('Space');
      for (let step = 0; step < investigatorIndex; step += 1) {
        await adminPage.page.keyboard.press('ArrowDown');
      }
      assert.ok(await adminPage.focusIsOn('input[value="investigator"]:checked'));
      await adminPage.tabTo('main form button');
      await adminPage.andWaitForNewPage(() => adminPage.page.keyboard.press('Enter'));
      assert.equal(adminPage.pathname(), '/admin/users');
      assert.match(await adminPage.mainText(), /priya\.invited@example\.org/);

      const link = await linkMailedTo('priya.invited@example.org', 'accept-invitation');
      const invitee = new SignInPage(await inviteeContext.newPage());
      await invitee.page.goto(link);
      assert.deepEqual(await invitee.headings(), ['Accept your invitation']);
      assert.deepEqual(await invitee.accessibilityViolations(), []);
      const password = 'seven quiet herons fishing';
      await choosePassword(invitee, password);
      assert.equal(invitee.pathname(), '/sign-in');
      assert.match(
        await invitee.mainText(),
        /Your account is ready\. Sign in with your new password\./,
      );

      await invitee.signInWithKeyboard('priya.invited@example.org', password);
      const account = new AccountPage(invitee.page);
      assert.equal(account.pathname(), '/account');
      assert.deepEqual(await account.details(), {
        Name: 'Priya Invited',
        'Email address': 'priya.invited@example.org',
        Role: 'Investigator',
      });
    } finally {
      await adminContext.close();
      await inviteeContext.close();
    }
  });
});
