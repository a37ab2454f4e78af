/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { testAdministrator, type TestApp } from '../support/app.js';
import { createUser, sessionFor } from '../support/users.js';
import {
  AccountPage,
  AuditPage,
  ChangePasswordPage,
  PlatformPage,
  SignOutPage,
} from './pages/account-pages.js';
import { SignInPage } from './pages/sign-in-page.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

type Who = 'nobody' | 'admin' | 'investigator';

/** One page the accessibility and small-screen checks visit, and how a person gets there. */
interface Scenario {
  name: string;
  who: Who;
  status: number;
  h1: string;
  /** Brings the page up; returns the HTTP status of the document shown. */
  reach(page: PlatformPage, baseUrl: string): Promise<number>;
  /** Further checks on what is shown. */
  check?(page: PlatformPage): Promise<void>;
}

async function open(page: PlatformPage, baseUrl: string, path: string) {
  const status = await page.open(baseUrl, path);
  assert.ok(status !== undefined, `no response for ${path}`);
  return status;
}

const scenarios: Scenario[] = [
  {
    name: 'sign-in',
    who: 'nobody',
    status: 200,
    h1: 'Sign in',
    reach: (page, baseUrl) => open(page, baseUrl, '/sign-in'),
  },
  {
    name: 'sign-in with errors',
    who: 'nobody',
    status: 422,
    h1: 'Sign in',
    reach: async (page, baseUrl) => {
      await open(page, baseUrl, '/sign-in');
      const signIn = new SignInPage(page.page);
      return signIn.andWaitForNewPage(() => signIn.button().click());
    },
    check: async (page) => {
      assert.deepEqual(await page.errorSummaryLinks(), [
        { text: 'Enter your email address', href: '#email' },
        { text: 'Enter your password', href: '#password' },
      ]);
    },
  },
  {
    name: 'account',
    who: 'admin',
    status: 200,
    h1: 'Your account',
    reach: (page, baseUrl) => open(page, baseUrl, '/account'),
  },
  {
    name: 'change password',
    who: 'admin',
    status: 200,
    h1: 'Change your password',
    reach: (page, baseUrl) => open(page, baseUrl, '/account/password'),
  },
  {
    name: 'change password with errors',
    who: 'admin',
    status: 422,
    h1: 'Change your password',
    reach: async (page, baseUrl) => {
      await open(page, baseUrl, '/account/password');
      return page.andWaitForNewPage(() => page.page.locator('main form button').click());
    },
    check: async (page) => {
      assert.deepEqual(
        (await page.errorSummaryLinks()).map((link) => link.href),
        ['#currentPassword', '#newPassword', '#confirmPassword'],
      );
    },
  },
  {
    name: 'sign-out',
    who: 'admin',
    status: 200,
    h1: 'Sign out',
    reach: (page, baseUrl) => open(page, baseUrl, '/sign-out'),
  },
  {
    name: 'audit trail',
    who: 'admin',
    status: 200,
    h1: 'Audit trail',
    reach: (page, baseUrl) => open(page, baseUrl, '/admin/audit'),
    check: async (page) => {
      const rows = await new AuditPage(page.page).rows();
      assert.ok(rows.length >= 1 && rows[0]?.length === 6, 'the audit table lists events');
    },
  },
  {
    name: 'audit trail with a filter error',
    who: 'admin',
    status: 422,
    h1: 'Audit trail',
    reach: (page, baseUrl) => open(page, baseUrl, '/admin/audit?from=2026-02-30&to=tomorrow'),
    check: async (page) => {
      assert.deepEqual(await page.errorSummaryLinks(), [
        { text: 'From date must be a real date, like 2026-11-28', href: '#from' },
        { text: 'To date must be a real date, like 2026-11-28', href: '#to' },
      ]);
      assert.equal(await page.page.locator('#from').inputValue(), '2026-02-30');
    },
  },
  {
    name: '403 (a non-administrator opens the audit trail)',
    who: 'investigator',
    status: 403,
    h1: 'You do not have permission to see this page',
    reach: (page, baseUrl) => open(page, baseUrl, '/admin/audit'),
  },
  {
    name: 'CSRF "form has expired"',
    who: 'nobody',
    status: 403,
    h1: 'This form has expired',
    reach: async (page, baseUrl) => {
      await open(page, baseUrl, '/sign-in');
      // The form was served with a CSRF secret in a cookie; losing it is what an expired form is.
      await page.page.context().clearCookies();
      const signIn = new SignInPage(page.page);
      await signIn.emailField().fill(testAdministrator.email);
      await signIn.passwordField().fill(testAdministrator.password);
      return signIn.andWaitForNewPage(() => signIn.button().click());
    },
  },
];

describe('accounts in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let testApp: TestApp;
  const sessions = new Map<Exclude<Who, 'nobody'>, () => Promise<string>>();

  before(async () => {
    ({ baseUrl, testApp } = await startSite());
    browser = await launchChromium();
    const { database } = testApp.testDatabase;
    const [administrator] = await database.query<{ id: string }>(
      'select id from app_user where email = $1',
      [testAdministrator.email],
    );
    assert.ok(administrator, 'buildTestApp created the test administrator');
    const investigator = await createUser(database, 'investigator');
    sessions.set('admin', () => sessionFor(database, administrator.id));
    sessions.set('investigator', () => sessionFor(database, investigator.id));
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  /** A fresh context, signed in as `who` by a session made directly in the database. */
  async function contextFor(who: Who, options: BrowserContextOptions = {}) {
    const context = await browser.newContext(options);
    const session = who === 'nobody' ? undefined : sessions.get(who);
    if (session) {
      await context.addCookies([{ name: 'mha_session', value: await session(), url: baseUrl }]);
    }
    return context;
  }

  async function withContext(
    who: Who,
    options: BrowserContextOptions,
    body: (page: Page, context: BrowserContext) => Promise<void>,
  ) {
    const context = await contextFor(who, options);
    try {
      const page = await context.newPage();
      await body(page, context);
    } finally {
      await context.close();
    }
  }

  test('the administrator signs in, sees their account and signs out with the keyboard only', async () => {
    await withContext('nobody', {}, async (page) => {
      const signIn = new SignInPage(page);
      assert.equal(await signIn.openSignIn(baseUrl), 200);
      await signIn.signInWithKeyboard(testAdministrator.email, testAdministrator.password, 'Enter');

      const account = new AccountPage(page);
      assert.equal(account.pathname(), '/account');
      assert.deepEqual(await account.headings(), ['Your account']);
      assert.deepEqual(await account.details(), {
        Name: 'Administrator',
        'Email address': testAdministrator.email,
        Role: 'Administrator',
      });

      // Sign out from the header, then confirm on the sign-out page, still keyboard only.
      await account.tabTo('nav.nhsuk-header__account a[href="/sign-out"]');
      await account.andWaitForNewPage(() => page.keyboard.press('Enter'));
      const signOut = new SignOutPage(page);
      assert.equal(signOut.pathname(), '/sign-out');
      assert.deepEqual(await signOut.headings(), ['Sign out']);
      assert.match(await signOut.mainText(), /You are signed in as admin@example\.org/);
      await signOut.tabTo('main form button');
      await signOut.andWaitForNewPage(() => page.keyboard.press('Space'));
      assert.equal(signOut.pathname(), '/sign-in');
      assert.equal(await signOut.accountMenuLinks().count(), 0, 'header no longer shows a user');

      // The session is over: the account page sends the visitor to sign in again.
      assert.equal(await signOut.open(baseUrl, '/account'), 200);
      const url = new URL(page.url());
      assert.equal(url.pathname, '/sign-in');
      assert.equal(url.searchParams.get('returnTo'), '/account');
      assert.deepEqual(await signOut.headings(), ['Sign in']);
    });
  });

  test('a wrong password shows a focused error summary at the top that leads to the field', async () => {
    await withContext('nobody', {}, async (page) => {
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl);
      await signIn.signInWithKeyboard(testAdministrator.email, 'not the right password at all');

      assert.equal(signIn.pathname(), '/sign-in');
      assert.match(await page.title(), /^Error: Sign in/);
      assert.ok(await signIn.errorSummary().isVisible());
      assert.ok(
        await signIn.comesBefore('main .nhsuk-error-summary', 'main h1'),
        'the error summary is above the heading',
      );
      // nhsuk-frontend's script moves focus to the summary so screen readers announce it.
      await page.waitForFunction(() =>
        document.activeElement?.classList.contains('nhsuk-error-summary'),
      );
      assert.deepEqual(await signIn.errorSummaryLinks(), [
        { text: 'Enter a correct email address and password', href: '#email' },
      ]);
      assert.equal(await signIn.fieldError('email'), 'Enter a correct email address and password');
      assert.ok(await signIn.fieldDescribedByError('email'));
      // The email is kept; the password is not.
      assert.equal(await signIn.emailField().inputValue(), testAdministrator.email);
      assert.equal(await signIn.passwordField().inputValue(), '');

      // From the summary, the keyboard reaches the link and Enter moves focus to the field.
      await signIn.tabTo('.nhsuk-error-summary a[href="#email"]', 1);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'email');

      assert.deepEqual(await signIn.accessibilityViolations(), []);

      // Correcting the password signs in.
      await signIn.tabTo('#password', 1);
      await page.keyboard.type(testAdministrator.password);
      await signIn.andWaitForNewPage(() => page.keyboard.press('Enter'));
      assert.equal(signIn.pathname(), '/account');
    });
  });

  test('empty fields show an error for each, and each summary link focuses its field', async () => {
    await withContext('nobody', {}, async (page) => {
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl);
      await signIn.tabTo('main form button');
      assert.equal(await signIn.andWaitForNewPage(() => page.keyboard.press('Enter')), 422);

      await page.waitForFunction(() =>
        document.activeElement?.classList.contains('nhsuk-error-summary'),
      );
      assert.ok(await signIn.comesBefore('main .nhsuk-error-summary', 'main h1'));
      assert.deepEqual(await signIn.errorSummaryLinks(), [
        { text: 'Enter your email address', href: '#email' },
        { text: 'Enter your password', href: '#password' },
      ]);
      assert.equal(await signIn.fieldError('email'), 'Enter your email address');
      assert.equal(await signIn.fieldError('password'), 'Enter your password');
      assert.ok(await signIn.fieldDescribedByError('password'));

      await signIn.errorSummary().locator('a[href="#password"]').click();
      await page.waitForFunction(() => document.activeElement?.id === 'password');
      await signIn.errorSummary().locator('a[href="#email"]').click();
      await page.waitForFunction(() => document.activeElement?.id === 'email');

      assert.deepEqual(await signIn.accessibilityViolations(), []);
    });
  });

  test('an email in the wrong format is kept, with its error', async () => {
    await withContext('nobody', {}, async (page) => {
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl);
      assert.equal(await signIn.signIn('admin at example', 'anything'), 422);
      assert.deepEqual(
        (await signIn.errorSummaryLinks()).map((link) => link.text),
        ['Enter an email address in the correct format, like name@example.com'],
      );
      assert.equal(await signIn.emailField().inputValue(), 'admin at example');
    });
  });

  test('first run without ADMIN_PASSWORD: one-time password, forced change, then the audit trail', async () => {
    const firstRun = await startSite({ env: {} });
    const context = await browser.newContext();
    try {
      const [announced] = firstRun.testApp.announced;
      assert.ok(announced, 'a one-time password was announced');
      const page = await context.newPage();
      const signIn = new SignInPage(page);
      await signIn.openSignIn(firstRun.baseUrl);
      await signIn.signInWithKeyboard(announced.email, announced.oneTimePassword);

      const changePassword = new ChangePasswordPage(page);
      assert.equal(changePassword.pathname(), '/account/password');
      assert.deepEqual(await changePassword.headings(), ['Change your password']);
      assert.match(await changePassword.mainText(), /You must choose a new password/);
      assert.deepEqual(await changePassword.accessibilityViolations(), []);

      // Until the password is changed, other pages send the administrator back here.
      await changePassword.open(firstRun.baseUrl, '/admin/audit');
      assert.equal(changePassword.pathname(), '/account/password');

      const newPassword = 'violet harbour lamps count slowly';
      await changePassword.changeWithKeyboard(announced.oneTimePassword, newPassword);
      const account = new AccountPage(page);
      assert.equal(account.pathname(), '/account');
      assert.match(await account.successBanner().innerText(), /Your password has been changed/);
      assert.deepEqual(await account.accessibilityViolations(), []);

      // The account page links to the audit trail; follow it with the keyboard.
      await account.tabTo('main a[href="/admin/audit"]');
      await account.andWaitForNewPage(() => page.keyboard.press('Enter'));
      const audit = new AuditPage(page);
      assert.equal(audit.pathname(), '/admin/audit');
      assert.deepEqual(await audit.headings(), ['Audit trail']);
      const rows = await audit.rows();
      const actions = rows.map((cells) => `${cells[2] ?? ''} by ${cells[1] ?? ''}`);
      assert.ok(actions.includes(`sign-in by ${announced.email}`), actions.join('\n'));
      assert.ok(actions.includes(`update by ${announced.email}`), actions.join('\n'));
      assert.ok(
        actions.some((action) => action.startsWith('create by')),
        actions.join('\n'),
      );
      assert.deepEqual(await audit.accessibilityViolations(), []);

      // Filtering by action shows the sign-in only.
      await page.locator('#action').selectOption('sign-in');
      await audit.andWaitForNewPage(() => page.locator('main form button').click());
      const filtered = await audit.rows();
      assert.ok(filtered.length >= 1);
      assert.ok(filtered.every((cells) => cells[2] === 'sign-in'));
    } finally {
      await context.close();
      await firstRun.testApp.close();
    }
  });

  for (const scenario of scenarios) {
    test(`${scenario.name}: axe-core finds no WCAG 2.2 AA violations`, async () => {
      await withContext(scenario.who, {}, async (page) => {
        const scriptErrors: string[] = [];
        page.on('pageerror', (error) => scriptErrors.push(error.message));
        const platformPage = new PlatformPage(page);
        assert.equal(await scenario.reach(platformPage, baseUrl), scenario.status);
        assert.deepEqual(await platformPage.headings(), [scenario.h1]);
        await scenario.check?.(platformPage);
        assert.match(String(await page.getAttribute('body', 'class')), /nhsuk-frontend-supported/);
        assert.deepEqual(scriptErrors, []);
        assert.deepEqual(await platformPage.accessibilityViolations(), []);
      });
    });
  }

  for (const scenario of scenarios) {
    test(`${scenario.name}: works without JavaScript on a 320 px wide screen`, async () => {
      await withContext(scenario.who, narrowNoScript, async (page) => {
        const platformPage = new PlatformPage(page);
        assert.equal(await scenario.reach(platformPage, baseUrl), scenario.status);
        assert.deepEqual(await platformPage.headings(), [scenario.h1]);
        await scenario.check?.(platformPage);
        assert.equal(
          await platformPage.horizontalOverflow(),
          0,
          'the page scrolls sideways at 320 px',
        );
      });
    });
  }

  test('the audit table scrolls inside its own focusable region at 320 px', async () => {
    await withContext('admin', narrowNoScript, async (page) => {
      const audit = new AuditPage(page);
      await audit.open(baseUrl, '/admin/audit');
      const region = audit.tableRegion();
      assert.equal(await region.getAttribute('tabindex'), '0');
      assert.equal(await region.getAttribute('role'), 'region');
      const { scrollWidth, clientWidth } = await region.evaluate((element) => ({
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      }));
      assert.ok(scrollWidth > clientWidth, 'the wide table overflows its region, not the page');
      assert.equal(await audit.horizontalOverflow(), 0);
    });
  });

  test('without JavaScript at 320 px, a person signs in and out', async () => {
    await withContext('nobody', narrowNoScript, async (page) => {
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl, `?returnTo=${encodeURIComponent('/admin/audit')}`);
      assert.equal(await signIn.signIn(testAdministrator.email, 'wrong password here'), 422);
      assert.deepEqual(await signIn.errorSummaryLinks(), [
        { text: 'Enter a correct email address and password', href: '#email' },
      ]);
      assert.equal(await signIn.emailField().inputValue(), testAdministrator.email);

      // Still returns to where the person was going after a failed attempt.
      assert.equal(await signIn.signIn(testAdministrator.email, testAdministrator.password), 200);
      assert.equal(signIn.pathname(), '/admin/audit');
      assert.deepEqual(await signIn.headings(), ['Audit trail']);
      assert.equal(await signIn.horizontalOverflow(), 0);

      const signOut = new SignOutPage(page);
      await signOut.andWaitForNewPage(() =>
        signOut.page.locator('nav.nhsuk-header__account a[href="/sign-out"]').click(),
      );
      assert.deepEqual(await signOut.headings(), ['Sign out']);
      await signOut.andWaitForNewPage(() => signOut.button().click());
      assert.equal(signOut.pathname(), '/sign-in');
      await signOut.open(baseUrl, '/account');
      assert.equal(signOut.pathname(), '/sign-in');
    });
  });
});
