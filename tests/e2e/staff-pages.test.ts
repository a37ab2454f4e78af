/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Database } from '../../src/platform/db/database.js';
import { testAdministrator, type TestApp } from '../support/app.js';
import { createUser, sessionFor } from '../support/users.js';
import { PlatformPage } from './pages/account-pages.js';
import { PublicPage } from './pages/public-page.js';
import {
  ApiTokensPage,
  ContentEditorPage,
  ContentHistoryPage,
  ForgottenPasswordPage,
  InvitePage,
  StaffPage,
} from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

/** `fresh` is a new investigator for each context, so their token list starts empty. */
type Who = 'nobody' | 'admin' | 'alliance-office' | 'fresh';

interface Site {
  baseUrl: string;
  database: Database;
}

/** One page the accessibility and small-screen checks visit, and how a person gets there. */
interface Scenario {
  name: string;
  who: Who;
  status: number;
  h1: string;
  /** Brings the page up; returns the HTTP status of the document shown. */
  reach(page: PlatformPage, site: Site): Promise<number>;
  /** Further checks on what is shown. */
  check?(page: PlatformPage): Promise<void>;
}

async function open(page: PlatformPage, site: Site, path: string) {
  const status = await page.open(site.baseUrl, path);
  assert.ok(status !== undefined, `no response for ${path}`);
  return status;
}

const editAbout = '/admin/content/edit/about';
const aboutH1 = 'Edit About the alliance';
const madeUpLink = `/account/reset-password/${'A'.repeat(43)}`;

/** Saves the /about editor's content unchanged as a draft, and opens its version history. */
async function saveDraftThenHistory(page: PlatformPage, site: Site) {
  await open(page, site, editAbout);
  const editor = new ContentEditorPage(page.page);
  assert.equal(await editor.press('save'), 200);
  assert.match(await editor.successBanner().innerText(), /saved/i);
  return open(page, site, '/admin/content/history/about');
}

/** Asks for a password reset for a new user and returns the link's path from the outbox. */
async function resetLinkPath(page: PlatformPage, site: Site) {
  const user = await createUser(site.database, 'investigator');
  await open(page, site, '/account/forgotten-password');
  assert.equal(await new ForgottenPasswordPage(page.page).requestLink(user.email), 200);
  const messages = await site.database.query<{ body_text: string }>(
    'select body_text from mail_message where to_address = $1',
    [user.email],
  );
  assert.equal(messages.length, 1, 'one reset email was queued');
  const path = /\/account\/reset-password\/[A-Za-z0-9_-]{20,}/.exec(messages[0]?.body_text ?? '');
  assert.ok(path, `a reset link in: ${messages[0]?.body_text ?? ''}`);
  return path[0];
}

const scenarios: Scenario[] = [
  {
    name: 'website pages list',
    who: 'alliance-office',
    status: 200,
    h1: 'Website pages',
    reach: (page, site) => open(page, site, '/admin/content'),
    check: async (page) => {
      assert.ok((await page.page.locator('main table tbody tr').count()) >= 5);
      assert.equal(await page.page.locator(`main a[href="${editAbout}"]`).count(), 1);
    },
  },
  {
    name: 'page editor',
    who: 'alliance-office',
    status: 200,
    h1: aboutH1,
    reach: (page, site) => open(page, site, editAbout),
    check: async (page) => {
      const editor = new ContentEditorPage(page.page);
      assert.equal(await editor.field('title').inputValue(), 'About the alliance');
      assert.equal(await editor.preview().count(), 0);
    },
  },
  {
    name: 'page editor with a preview',
    who: 'alliance-office',
    status: 200,
    h1: aboutH1,
    reach: async (page, site) => {
      await open(page, site, editAbout);
      const editor = new ContentEditorPage(page.page);
      await editor.field('summary').fill('A previewed summary, not yet saved.');
      return editor.press('preview');
    },
    check: async (page) => {
      const preview = new ContentEditorPage(page.page).preview();
      assert.ok(await preview.isVisible());
      assert.match(await preview.innerText(), /A previewed summary, not yet saved\./);
    },
  },
  {
    name: 'page editor with an empty title',
    who: 'alliance-office',
    status: 422,
    h1: aboutH1,
    reach: async (page, site) => {
      await open(page, site, editAbout);
      const editor = new ContentEditorPage(page.page);
      await editor.field('title').fill('');
      return editor.press('preview');
    },
    check: async (page) => {
      const links = await page.errorSummaryLinks();
      assert.deepEqual(
        links.map((link) => link.href),
        ['#title'],
      );
      assert.ok(await page.fieldDescribedByError('title'));
      assert.match(await page.page.title(), /^Error: /);
    },
  },
  {
    name: 'version history after saving a draft',
    who: 'alliance-office',
    status: 200,
    h1: 'Version history: About the alliance',
    reach: saveDraftThenHistory,
    check: async (page) => {
      assert.ok((await new ContentHistoryPage(page.page).revisionLinks().count()) >= 1);
    },
  },
  {
    name: 'a saved version',
    who: 'alliance-office',
    status: 200,
    h1: '',
    reach: async (page, site) => {
      await saveDraftThenHistory(page, site);
      const link = new ContentHistoryPage(page.page).revisionLinks().first();
      return page.andWaitForNewPage(() => link.click());
    },
    check: async (page) => {
      assert.match(page.pathname(), /^\/admin\/content\/revisions\/\d+$/);
      assert.match((await page.headings())[0] ?? '', /^Version \d+ of About the alliance$/);
    },
  },
  {
    name: 'API tokens, none yet',
    who: 'fresh',
    status: 200,
    h1: 'API tokens',
    reach: (page, site) => open(page, site, '/account/tokens'),
    check: async (page) => {
      assert.match(await page.mainText(), /You have no API tokens\./);
    },
  },
  {
    name: 'API tokens, just made one',
    who: 'fresh',
    status: 200,
    h1: 'API tokens',
    reach: async (page, site) => {
      await open(page, site, '/account/tokens');
      return new ApiTokensPage(page.page).makeToken('Nightly export', '30');
    },
    check: async (page) => {
      const tokens = new ApiTokensPage(page.page);
      assert.ok(await tokens.newTokenValue().isVisible());
      assert.ok((await tokens.newTokenValue().inputValue()).length >= 20);
      assert.equal(await tokens.tableRows().count(), 1);
    },
  },
  {
    name: 'API tokens with form errors',
    who: 'fresh',
    status: 422,
    h1: 'API tokens',
    reach: async (page, site) => {
      await open(page, site, '/account/tokens');
      const tokens = new ApiTokensPage(page.page);
      return tokens.andWaitForNewPage(() => tokens.makeTokenButton().click());
    },
    check: async (page) => {
      // The lifetime has a default, so only the name can be missing.
      assert.deepEqual(await page.errorSummaryLinks(), [
        { text: 'Enter a name for the token', href: '#name' },
      ]);
      assert.ok(await page.fieldDescribedByError('name'));
    },
  },
  {
    name: 'people with accounts',
    who: 'admin',
    status: 200,
    h1: 'People with accounts',
    reach: (page, site) => open(page, site, '/admin/users'),
    check: async (page) => {
      assert.match(await page.mainText(), new RegExp(testAdministrator.email.replace('.', '\\.')));
    },
  },
  {
    name: 'invite someone',
    who: 'admin',
    status: 200,
    h1: 'Invite someone',
    reach: (page, site) => open(page, site, '/admin/users/invite'),
  },
  {
    name: 'invite someone with errors',
    who: 'admin',
    status: 422,
    h1: 'Invite someone',
    reach: async (page, site) => {
      await open(page, site, '/admin/users/invite');
      const invite = new InvitePage(page.page);
      return invite.andWaitForNewPage(() => invite.sendButton().click());
    },
    check: async (page) => {
      const hrefs = (await page.errorSummaryLinks()).map((link) => link.href);
      assert.ok(hrefs.includes('#displayName') && hrefs.includes('#email'), hrefs.join(' '));
    },
  },
  {
    name: 'forgotten password',
    who: 'nobody',
    status: 200,
    h1: 'Reset your password',
    reach: (page, site) => open(page, site, '/account/forgotten-password'),
  },
  {
    name: 'forgotten password with errors',
    who: 'nobody',
    status: 422,
    h1: 'Reset your password',
    reach: async (page, site) => {
      await open(page, site, '/account/forgotten-password');
      return page.andWaitForNewPage(() => page.page.locator('main form button').click());
    },
    check: async (page) => {
      assert.deepEqual(
        (await page.errorSummaryLinks()).map((link) => link.href),
        ['#email'],
      );
      assert.ok(await page.fieldDescribedByError('email'));
    },
  },
  {
    name: 'check your email',
    who: 'nobody',
    status: 200,
    h1: 'Check your email',
    reach: async (page, site) => {
      await open(page, site, '/account/forgotten-password');
      return new ForgottenPasswordPage(page.page).requestLink('nobody-here@example.org');
    },
    check: async (page) => {
      assert.match(await page.mainText(), /If nobody-here@example\.org has an account/);
    },
  },
  {
    name: 'reset link',
    who: 'nobody',
    status: 200,
    h1: 'Choose a new password',
    reach: async (page, site) => open(page, site, await resetLinkPath(page, site)),
    check: async (page) => {
      assert.equal(await page.page.locator('#newPassword').getAttribute('type'), 'password');
    },
  },
  {
    name: 'made-up reset link',
    who: 'nobody',
    status: 410,
    h1: 'This link has expired or has already been used',
    reach: (page, site) => open(page, site, madeUpLink),
  },
];

// Each test has a context of its own and a scenario's state (a fresh user, its own draft) of its
// own, so a few run at once on the one browser and app.
describe('staff and account-recovery pages in Chromium', { concurrency: 3 }, () => {
  let browser: Browser;
  let testApp: TestApp;
  let site: Site;
  const sessions = new Map<Exclude<Who, 'nobody'>, () => Promise<string>>();

  before(async () => {
    const started = await startSite();
    testApp = started.testApp;
    const { database } = testApp.testDatabase;
    site = { baseUrl: started.baseUrl, database };
    browser = await launchChromium();
    const [administrator] = await database.query<{ id: string }>(
      'select id from app_user where email = $1',
      [testAdministrator.email],
    );
    assert.ok(administrator, 'buildTestApp created the test administrator');
    const office = await createUser(database, 'alliance-office');
    sessions.set('admin', () => sessionFor(database, administrator.id));
    sessions.set('alliance-office', () => sessionFor(database, office.id));
    sessions.set('fresh', async () =>
      sessionFor(database, (await createUser(database, 'investigator')).id),
    );
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  async function withContext(
    who: Who,
    options: BrowserContextOptions,
    body: (page: Page) => Promise<void>,
  ) {
    const context = await browser.newContext(options);
    try {
      const session = who === 'nobody' ? undefined : sessions.get(who);
      if (session) {
        await context.addCookies([
          { name: 'mha_session', value: await session(), url: site.baseUrl },
        ]);
      }
      await body(await context.newPage());
    } finally {
      await context.close();
    }
  }

  async function reachAndCheck(scenario: Scenario, platformPage: PlatformPage) {
    assert.equal(await scenario.reach(platformPage, site), scenario.status);
    const headings = await platformPage.headings();
    assert.equal(headings.length, 1, `one h1, not ${JSON.stringify(headings)}`);
    if (scenario.h1) assert.equal(headings[0], scenario.h1);
    await scenario.check?.(platformPage);
  }

  for (const scenario of scenarios) {
    test(`${scenario.name}: axe-core finds no WCAG 2.2 AA violations`, async () => {
      await withContext(scenario.who, {}, async (page) => {
        const scriptErrors: string[] = [];
        page.on('pageerror', (error) => scriptErrors.push(error.message));
        const platformPage = new StaffPage(page);
        await reachAndCheck(scenario, platformPage);
        assert.deepEqual(scriptErrors, []);
        assert.deepEqual(await platformPage.accessibilityViolations(), []);
      });
    });

    test(`${scenario.name}: no sideways scrolling at 320 px without JavaScript`, async () => {
      await withContext(scenario.who, narrowNoScript, async (page) => {
        const platformPage = new StaffPage(page);
        await reachAndCheck(scenario, platformPage);
        assert.equal(await platformPage.horizontalOverflow(), 0, 'the page scrolls sideways');
      });
    });
  }

  test('the alliance office edits the /about summary and publishes it with the keyboard only', async () => {
    const summary = `Published from the keyboard at ${Date.now()}.`;
    await withContext('alliance-office', {}, async (page) => {
      const editor = new ContentEditorPage(page);
      assert.equal(await editor.open(site.baseUrl, editAbout), 200);
      assert.equal(await editor.publishSummaryWithKeyboard(summary), 200);
      assert.equal(editor.pathname(), editAbout);
      assert.match(await editor.successBanner().innerText(), /published/i);
      assert.equal(await editor.field('summary').inputValue(), summary);

      const about = new PublicPage(page);
      assert.equal(await about.open(site.baseUrl, '/about'), 200);
      assert.deepEqual(await about.headings(), ['About the alliance']);
      assert.match(await about.mainText(), new RegExp(summary.replace(/\./g, '\\.')));
    });
  });
});
