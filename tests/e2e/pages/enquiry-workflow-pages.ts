/// <reference lib="dom" />
import { StaffPage } from './staff-pages.js';

/** /office/enquiries: the alliance office's queue. */
export class EnquiryQueuePage extends StaffPage {
  rowLinks() {
    return this.page.locator('main table tbody a');
  }

  overdueTags() {
    return this.page.locator('main table .nhsuk-tag--red');
  }
}

/** /office/enquiries/<reference>: one enquiry, its clocks, timeline and the allowed moves. */
export class OfficeEnquiryPage extends StaffPage {
  moveButton(text: string) {
    return this.page.locator('main form button', { hasText: text });
  }

  partnerCheckboxLabels() {
    return this.page.locator('main input[name="organisations"] + label').allInnerTexts();
  }
}

/** /site/requests: a site research office's inbox. */
export class SiteInboxPage extends StaffPage {
  requestLinks() {
    return this.page.locator('main table tbody a');
  }
}

/** /site/requests/<id>: one request and the site's answer. */
export class SiteRequestPage extends StaffPage {
  answer(value: 'yes' | 'no') {
    return this.page.locator(`input[name="interested"][value="${value}"]`);
  }

  sendButton() {
    return this.page.locator('main form button', { hasText: 'Send answer' });
  }

  send() {
    return this.andWaitForNewPage(() => this.sendButton().click());
  }
}
