import type { Role } from '../../../platform/auth/roles.js';
import type { OutgoingMail } from '../../../platform/mail/message.js';
import { londonDayWithWeekday } from '../dates.js';
import { enquiryTypeLabel, firstResponseWorkingDays } from '../model.js';
import type { FirstResponseDue, SiteRequestDue } from './repository.js';
import { pathTo } from '../../../platform/paths.js';

/**
 * Who is reminded of what, and the words of the reminder: pure functions of what is due, the
 * accounts and the moment of the run, so they can be tested without a database.
 */

const officeEnquiryPath = pathTo.officeEnquiry;
const siteRequestPath = pathTo.siteRequest;

export type ReminderKind = 'first-response' | 'site-request';
/** Whether the deadline has passed at the moment of the run. */
export type DueState = 'overdue' | 'due';

/** An account as the reminders need it (what AccountLinks.listUsers gives). */
export interface ReminderAccount {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  status: 'invited' | 'active' | 'deactivated';
}

export interface ReminderItem {
  /** Names the recipient, the item, its due state and the London day: sent at most once. */
  key: string;
  kind: ReminderKind;
  enquiryId: string;
  reference: string;
  /** What the enquiry is, in a few words. */
  summary: string;
  dueAt: Date;
  state: DueState;
  link: string;
}

export interface ReminderPlan {
  recipient: ReminderAccount;
  items: ReminderItem[];
}

/** e.g. `first-response:<enquiryId>:<userId>:overdue:2026-11-30`. */
export function reminderKey(
  kind: ReminderKind,
  itemId: string,
  userId: string,
  state: DueState,
  londonDay: string,
): string {
  return `${kind}:${itemId}:${userId}:${state}:${londonDay}`;
}

const byEmail = (a: ReminderAccount, b: ReminderAccount) =>
  a.email < b.email ? -1 : a.email > b.email ? 1 : 0;

/**
 * One plan per recipient, listing their items in deadline order. A first response goes to the
 * enquiry's owner, or to every active alliance-office user while it has no (active) owner; a
 * site request goes to every active site-office user of the organisation asked.
 */
export function planReminders(options: {
  firstResponses: readonly FirstResponseDue[];
  siteRequests: readonly SiteRequestDue[];
  accounts: readonly ReminderAccount[];
  now: Date;
  /** The London calendar day of `now`, `YYYY-MM-DD`. */
  londonDay: string;
  publicUrl: string;
}): ReminderPlan[] {
  const { now, londonDay, publicUrl } = options;
  const active = options.accounts.filter((account) => account.status === 'active').sort(byEmail);
  const activeById = new Map(active.map((account) => [account.id, account]));
  const office = active.filter((account) => account.role === 'alliance-office');
  const plans = new Map<string, ReminderPlan>();
  const add = (recipient: ReminderAccount, item: Omit<ReminderItem, 'key'>, itemId: string) => {
    let plan = plans.get(recipient.id);
    if (!plan) {
      plan = { recipient, items: [] };
      plans.set(recipient.id, plan);
    }
    plan.items.push({
      ...item,
      key: reminderKey(item.kind, itemId, recipient.id, item.state, londonDay),
    });
  };
  const stateOf = (dueAt: Date): DueState => (dueAt.getTime() < now.getTime() ? 'overdue' : 'due');

  for (const due of options.firstResponses) {
    const owner = due.ownerUserId ? activeById.get(due.ownerUserId) : undefined;
    const item = {
      kind: 'first-response' as const,
      enquiryId: due.enquiryId,
      reference: due.reference,
      summary: `${due.organisationName} (${enquiryTypeLabel(due.enquiryType).toLowerCase()})`,
      dueAt: due.dueAt,
      state: stateOf(due.dueAt),
      link: `${publicUrl}${officeEnquiryPath(due.reference)}`,
    };
    for (const recipient of owner ? [owner] : office) add(recipient, item, due.enquiryId);
  }

  for (const due of options.siteRequests) {
    const item = {
      kind: 'site-request' as const,
      enquiryId: due.enquiryId,
      reference: due.reference,
      summary: enquiryTypeLabel(due.enquiryType),
      dueAt: due.dueAt,
      state: stateOf(due.dueAt),
      link: `${publicUrl}${siteRequestPath(due.requestId)}`,
    };
    const siteOffice = active.filter(
      (account) => account.role === 'site-office' && account.organisationId === due.organisationId,
    );
    for (const recipient of siteOffice) add(recipient, item, due.requestId);
  }

  return [...plans.values()].sort((a, b) => byEmail(a.recipient, b.recipient));
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

function itemLines(item: ReminderItem): string[] {
  const day = londonDayWithWeekday(item.dueAt);
  const what = item.kind === 'first-response' ? 'First response' : 'Answer';
  const when =
    item.state === 'overdue' ? `${what} OVERDUE: it was due by ${day}.` : `${what} due by ${day}.`;
  return [`- ${item.reference}: ${item.summary}`, `  ${when}`, `  ${item.link}`, ''];
}

/** The one mail a recipient gets in a run, listing every item not yet reminded of today. */
export function reminderMail(
  recipient: ReminderAccount,
  items: readonly ReminderItem[],
  now: Date,
): OutgoingMail {
  const overdue = items.filter((item) => item.state === 'overdue').length;
  const firstResponses = items.filter((item) => item.kind === 'first-response');
  const siteRequests = items.filter((item) => item.kind === 'site-request');
  const deadlines = `${items.length} enquiry ${plural(items.length, 'deadline', 'deadlines')}`;
  const subject =
    overdue > 0
      ? `Reminder: ${deadlines} (${overdue} overdue)`
      : `Reminder: ${deadlines} coming up`;
  const lines = [
    `Hello ${recipient.displayName},`,
    '',
    `${plural(items.length, 'This needs', 'These need')} your attention (${londonDayWithWeekday(now)}).`,
    '',
  ];
  if (firstResponses.length > 0) {
    lines.push(
      `First responses: the alliance answers a new enquiry within ${firstResponseWorkingDays} working days`,
      '',
      ...firstResponses.flatMap(itemLines),
    );
  }
  if (siteRequests.length > 0) {
    lines.push(
      'Requests to your organisation: can it take part?',
      '',
      ...siteRequests.flatMap(itemLines),
    );
  }
  lines.push(
    'You are reminded each working day while something is due soon or overdue. You need to sign in to see it.',
    '',
    'Midlands Health Alliance',
  );
  return { to: recipient.email, subject, text: lines.join('\n') };
}
