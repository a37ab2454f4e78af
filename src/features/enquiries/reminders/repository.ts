import type { Queryable } from '../../../platform/db/database.js';
import { notSampleEnquiry } from '../sample-data/marking.js';
import type { EnquiryType } from '../model.js';

/** An enquiry still waiting for the alliance's first response, due by the horizon. */
export interface FirstResponseDue {
  enquiryId: string;
  reference: string;
  organisationName: string;
  enquiryType: EnquiryType;
  ownerUserId: string | null;
  dueAt: Date;
}

/** A partner organisation's unanswered request, due by the horizon. */
export interface SiteRequestDue {
  requestId: string;
  enquiryId: string;
  reference: string;
  enquiryType: EnquiryType;
  organisationId: string;
  dueAt: Date;
}

/** The reminder job's SQL, and nothing else. */
export class ReminderRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Enquiries at 'received' whose first response is due by `horizon` (or overdue), oldest
   * deadline first. Sample enquiries are left out: nobody is reminded about invented work.
   */
  async firstResponsesDue(horizon: Date): Promise<FirstResponseDue[]> {
    const rows = await this.db.query<{
      id: string;
      reference: string;
      organisation_name: string;
      enquiry_type: EnquiryType;
      owner_user_id: string | null;
      first_response_due_at: Date;
    }>(
      `select e.id::text as id, e.reference, e.organisation_name, e.enquiry_type,
              e.owner_user_id::text as owner_user_id, e.first_response_due_at
         from enquiry e
        where e.stage = 'received'
          and e.first_response_due_at is not null
          and e.first_response_due_at <= $1
          and ${notSampleEnquiry('e')}
        order by e.first_response_due_at, e.reference`,
      [horizon],
    );
    return rows.map((row) => ({
      enquiryId: row.id,
      reference: row.reference,
      organisationName: row.organisation_name,
      enquiryType: row.enquiry_type,
      ownerUserId: row.owner_user_id,
      dueAt: new Date(row.first_response_due_at),
    }));
  }

  /**
   * Unanswered site requests due by `horizon` (or overdue) of enquiries still open, oldest
   * deadline first; sample enquiries left out.
   */
  async siteRequestsDue(horizon: Date): Promise<SiteRequestDue[]> {
    const rows = await this.db.query<{
      id: string;
      enquiry_id: string;
      reference: string;
      enquiry_type: EnquiryType;
      organisation_id: string;
      due_at: Date;
    }>(
      `select r.id::text as id, r.enquiry_id::text as enquiry_id, e.reference, e.enquiry_type,
              r.organisation_id::text as organisation_id, r.due_at
         from enquiry_site_request r
         join enquiry e on e.id = r.enquiry_id
        where r.responded_at is null
          and e.stage <> 'closed'
          and r.due_at <= $1
          and ${notSampleEnquiry('e')}
        order by r.due_at, e.reference, r.id`,
      [horizon],
    );
    return rows.map((row) => ({
      requestId: row.id,
      enquiryId: row.enquiry_id,
      reference: row.reference,
      enquiryType: row.enquiry_type,
      organisationId: row.organisation_id,
      dueAt: new Date(row.due_at),
    }));
  }

  /**
   * Records a reminder as sent. False when its key was recorded already (by an earlier run, or
   * by another instance that got there first): then it must not be sent again.
   */
  async claim(key: string, enquiryId: string, sentAt: Date): Promise<boolean> {
    const rows = await this.db.query(
      `insert into enquiry_reminder (reminder_key, enquiry_id, sent_at) values ($1, $2, $3)
       on conflict (reminder_key) do nothing
       returning 1 as claimed`,
      [key, enquiryId, sentAt],
    );
    return rows.length > 0;
  }
}
