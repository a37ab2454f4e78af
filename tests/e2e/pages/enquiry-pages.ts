/// <reference lib="dom" />
import { StaffPage } from './staff-pages.js';

/** What an enquirer types into the form. */
export interface EnquiryAnswers {
  organisationName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  /** Presses of the down arrow from the first enquiry type (0: commercial clinical trial). */
  enquiryTypeSteps: number;
  /** Typed on the focused category list to choose by its first letters. */
  healthCategory: string;
  /** Presses of the down arrow from Phase 1 (1: Phase 2). */
  phaseSteps: number;
  participants: string;
  sites: string;
  timeline: string;
  /** Lines of the description; Enter is pressed between them. */
  description: string[];
}

/** /enquiries/new: the public enquiry form, used with the keyboard alone. */
export class EnquiryFormPage extends StaffPage {
  field(id: string) {
    return this.page.locator(`#${id}`);
  }

  sendButton() {
    return this.page.locator('main form button', { hasText: 'Send enquiry' });
  }

  /** Sends the form with the pointer; returns the status of the page shown. */
  send() {
    return this.andWaitForNewPage(() => this.sendButton().click());
  }

  private async typeNext(selector: string, text: string) {
    await this.tabTo(selector, 1);
    await this.page.keyboard.type(text);
  }

  /**
   * Fills every answer the way a keyboard user does: Tab from field to field (each the very
   * next stop), arrows in radio groups, type-ahead in the list, Space for the checkbox.
   */
  async fillWithKeyboard(answers: EnquiryAnswers) {
    await this.tabTo('#organisationName', 60);
    await this.page.keyboard.type(answers.organisationName);
    await this.typeNext('#contactName', answers.contactName);
    await this.typeNext('#contactEmail', answers.contactEmail);
    await this.typeNext('#contactPhone', answers.contactPhone);

    await this.tabTo('input[name="enquiryType"]', 1);
    await this.page.keyboard.press('Space');
    for (let step = 0; step < answers.enquiryTypeSteps; step += 1) {
      await this.page.keyboard.press('ArrowDown');
    }

    await this.tabTo('#healthCategory', 1);
    await this.page.keyboard.type(answers.healthCategory);

    await this.tabTo('input[name="phase"]', 1);
    await this.page.keyboard.press('Space');
    for (let step = 0; step < answers.phaseSteps; step += 1) {
      await this.page.keyboard.press('ArrowDown');
    }

    await this.typeNext('#participants', answers.participants);
    await this.typeNext('#sites', answers.sites);
    await this.typeNext('#timeline', answers.timeline);
    await this.tabTo('#description', 1);
    for (const [index, line] of answers.description.entries()) {
      if (index > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(line);
    }
    await this.tabTo('#consentToContact', 1);
    await this.page.keyboard.press('Space');
  }

  /** Moves to the send button and presses Enter; returns the status of the page shown. */
  async sendWithKeyboard() {
    await this.tabTo('main form button', 1);
    return this.andWaitForNewPage(() => this.page.keyboard.press('Enter'));
  }

  /** The value of each answer as the browser holds it, for checking what the keyboard did. */
  values() {
    return this.page.evaluate(() => {
      const form = document.querySelector<HTMLFormElement>('main form');
      if (!form) return {};
      const values: Record<string, string> = {};
      new FormData(form).forEach((value, name) => {
        if (name !== '_csrf' && name !== 'formToken' && typeof value === 'string') {
          values[name] = value;
        }
      });
      return values;
    });
  }
}

/** /enquiries/sent/<token>: the confirmation after sending. */
export class EnquirySentPage extends StaffPage {
  /** The reference shown in the confirmation panel. */
  async reference() {
    return (await this.page.locator('.nhsuk-panel strong').innerText()).trim();
  }
}

/** /enquiries/status/<token>: the enquirer's private status page. */
export class EnquiryStatusPage extends StaffPage {
  /** The progress list as "Stage: status" lines. */
  progress() {
    return this.page.locator('.nhsuk-task-list__item').evaluateAll((items) =>
      items.map((item) => {
        const name = item.querySelector('.nhsuk-task-list__name-and-hint > div')?.textContent;
        const status = item.querySelector('.nhsuk-task-list__status')?.textContent;
        return `${(name ?? '').trim()}: ${(status ?? '').trim()}`;
      }),
    );
  }
}
