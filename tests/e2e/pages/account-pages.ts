/// <reference lib="dom" />
import { PublicPage } from './public-page.js';

/** A page of the signed-in platform, with the keyboard and form helpers its tests need. */
export class PlatformPage extends PublicPage {
  pathname() {
    return new URL(this.page.url()).pathname;
  }

  /** Whether the focused element matches a CSS selector. */
  focusIsOn(selector: string) {
    return this.page.evaluate(
      (wanted) => document.activeElement?.matches(wanted) ?? false,
      selector,
    );
  }

  /** The focused element, described for assertion messages. */
  focusedElement() {
    return this.page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return '(nothing)';
      const id = element.id ? `#${element.id}` : '';
      const text = (element.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${element.tagName.toLowerCase()}${id} "${text}"`;
    });
  }

  /**
   * Presses Tab until focus reaches an element matching `selector`, as a keyboard user would.
   * Fails if it takes more than `limit` presses, so `limit: 1` asserts "the very next stop".
   */
  async tabTo(selector: string, limit = 40): Promise<number> {
    for (let presses = 1; presses <= limit; presses += 1) {
      await this.page.keyboard.press('Tab');
      if (await this.focusIsOn(selector)) return presses;
    }
    throw new Error(
      `Tab did not reach ${selector} within ${limit} presses; focus is on ${await this.focusedElement()}`,
    );
  }

  /**
   * Runs something that makes the browser load a new document (a form submission, a followed
   * link), waits until that document has loaded, following any redirects on the way, and
   * returns the HTTP status of the document shown.
   */
  async andWaitForNewPage(action: () => Promise<unknown>): Promise<number> {
    const main = this.page.mainFrame();
    const documentResponse = this.page.waitForResponse(
      (response) =>
        response.frame() === main &&
        response.request().isNavigationRequest() &&
        (response.status() < 300 || response.status() >= 400),
    );
    const navigated = this.page.waitForEvent('framenavigated', {
      predicate: (frame) => frame === main,
    });
    await action();
    const [response] = await Promise.all([documentResponse, navigated]);
    await this.page.waitForLoadState('load');
    return response.status();
  }

  errorSummary() {
    return this.page.locator('.nhsuk-error-summary');
  }

  /** The error summary's links, as text and target. */
  errorSummaryLinks() {
    return this.errorSummary()
      .locator('.nhsuk-error-summary__list a')
      .evaluateAll((links) =>
        links.map((link) => ({
          text: (link.textContent || '').replace(/\s+/g, ' ').trim(),
          href: link.getAttribute('href') ?? '',
        })),
      );
  }

  /** The message shown next to a field, as the NHS.UK input component renders it. */
  async fieldError(id: string) {
    const message = this.page.locator(`#${id}-error`);
    if ((await message.count()) === 0) return null;
    return (await message.innerText()).replace(/^Error:\s*/, '').trim();
  }

  /** True when the field's accessible description includes its error message. */
  fieldDescribedByError(id: string) {
    return this.page.evaluate((fieldId) => {
      const describedBy = document.getElementById(fieldId)?.getAttribute('aria-describedby');
      return (describedBy ?? '').split(/\s+/).includes(`${fieldId}-error`);
    }, id);
  }

  /** Whether the first element is above the second in the document (and on screen). */
  comesBefore(first: string, second: string) {
    return this.page.evaluate(
      ([a, b]) => {
        const one = document.querySelector(a);
        const two = document.querySelector(b);
        if (!one || !two) return false;
        const inOrder = Boolean(
          one.compareDocumentPosition(two) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        return inOrder && one.getBoundingClientRect().top < two.getBoundingClientRect().top;
      },
      [first, second] as const,
    );
  }

  /** The header's account menu links, as a signed-in person sees them. */
  accountMenuLinks() {
    return this.page.locator('nav.nhsuk-header__account a.nhsuk-header__account-link');
  }
}

/** /account: who is signed in. */
export class AccountPage extends PlatformPage {
  /** The summary list, as key → value. */
  async details(): Promise<Record<string, string>> {
    const rows = await this.page
      .locator('main .nhsuk-summary-list__row')
      .evaluateAll((elements) =>
        elements.map((row): [string, string] => [
          (row.querySelector('.nhsuk-summary-list__key')?.textContent || '').trim(),
          (row.querySelector('.nhsuk-summary-list__value')?.textContent || '').trim(),
        ]),
      );
    return Object.fromEntries(rows);
  }

  successBanner() {
    return this.page.locator('.nhsuk-notification-banner--success');
  }
}

/** /sign-out: confirms signing out with a button. */
export class SignOutPage extends PlatformPage {
  button() {
    return this.page.locator('main form button');
  }
}

/** /account/password */
export class ChangePasswordPage extends PlatformPage {
  async changeWithKeyboard(current: string, replacement: string) {
    await this.tabTo('#currentPassword');
    await this.page.keyboard.type(current);
    await this.tabTo('#newPassword', 1);
    await this.page.keyboard.type(replacement);
    await this.tabTo('#confirmPassword', 1);
    await this.page.keyboard.type(replacement);
    await this.tabTo('main form button', 1);
    await this.andWaitForNewPage(() => this.page.keyboard.press('Enter'));
  }

  async submitEmpty() {
    await this.andWaitForNewPage(() => this.page.locator('main form button').click());
  }
}

/** /admin/audit: the audit trail, for administrators. */
export class AuditPage extends PlatformPage {
  /** Each table row's cells, with white space folded. */
  rows() {
    return this.page
      .locator('main table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('td'), (cell) =>
            (cell.textContent || '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }

  tableRegion() {
    return this.page.locator('.mha-table-scroll');
  }
}
