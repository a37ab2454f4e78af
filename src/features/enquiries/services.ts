import type { AccountLinks } from '../accounts/links.js';
import type { EnquiryMatcher } from '../directory/matching.js';
import type { DirectorySearch } from '../directory/service.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import type { MailServices } from '../../platform/mail/index.js';

/** What the front door uses from the rest of the platform, built in app.ts. */
export interface EnquiryFeatureServices {
  database: Database;
  audit: AuditTrail;
  /** The outbox (mail in the same transaction as a change) and the background job runner. */
  mail: MailServices;
  directorySearch: DirectorySearch;
  /** Suggests partner organisations, people and capabilities for an enquiry, with reasons. */
  enquiryMatcher: EnquiryMatcher;
  /** Lists user accounts (for choosing an owner in the alliance office). */
  accountLinks: AccountLinks;
}
