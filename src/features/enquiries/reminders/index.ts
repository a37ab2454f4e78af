import { systemActor } from '../../../platform/audit/audit-trail.js';
import type { EnquiryFeatureServices } from '../services.js';
import { londonDate, WorkingDayCalendar } from '../working-days.js';
import { planReminders, reminderMail } from './compose.js';
import { ReminderRepository } from './repository.js';

export { planReminders, reminderKey, reminderMail, type ReminderItem } from './compose.js';

/**
 * Daily reminders of the front door's deadlines, by email through the outbox:
 *
 * - an enquiry's first response (still at 'received') due within the next working day or
 *   overdue: to its owner, or to every active alliance-office user while it has none;
 * - a partner organisation's unanswered site request due within 2 working days or overdue: to
 *   every active site-office user of that organisation.
 *
 * One mail per recipient per run. Each item is keyed by recipient, item, due state and London
 * day, and the key is stored (enquiry_reminder) in the transaction that queues the mail, so a
 * reminder is recorded exactly when its mail is, and never sent twice: not by a second run the
 * same day, nor by two instances at once (an advisory lock, and `on conflict do nothing`).
 * Nothing is sent on weekends or bank holidays. Sample enquiries are never reminded of.
 */

export const enquiryReminderQueue = 'enquiry-reminders';
/** Serialises runs across instances (other locks: 727_001 migrations, _002 and _003 directory). */
export const reminderLockKey = 727_011;
/** How often the job is sent: as near daily as pg-boss's singletons allow (see below). */
export const schedulePeriodSeconds = 12 * 3600;

/** What a run needs of the feature's services. */
export type ReminderServices = Pick<
  EnquiryFeatureServices,
  'database' | 'audit' | 'mail' | 'accountLinks'
>;

export interface ReminderOptions {
  /** The address links start with; by default the one given to `defineEnquiryReminders`. */
  publicUrl?: string;
  calendar?: WorkingDayCalendar;
}

export interface ReminderRunResult {
  /** The London calendar day of the run. */
  day: string;
  /** False on weekends and bank holidays, when nothing is sent. */
  workingDay: boolean;
  mails: number;
  /** Reminders recorded and mailed, by kind (one per recipient and item). */
  firstResponses: number;
  siteRequests: number;
  /** Reminders due but already sent today (by an earlier run). */
  alreadySent: number;
}

const defaultCalendar = new WorkingDayCalendar();
/** The public address each set of services was defined with, for runs on demand. */
const publicUrls = new WeakMap<object, string>();

function publicUrlFor(services: ReminderServices, options: ReminderOptions): string {
  const publicUrl = options.publicUrl ?? publicUrls.get(services);
  if (publicUrl === undefined) {
    throw new Error('pass a publicUrl, or call defineEnquiryReminders first');
  }
  return publicUrl.replace(/\/+$/, '');
}

/** Sends today's reminders (none on a non-working day); the job runs this, and so can tests. */
export async function runEnquiryReminders(
  services: ReminderServices,
  now: Date = new Date(),
  options: ReminderOptions = {},
): Promise<ReminderRunResult> {
  const publicUrl = publicUrlFor(services, options);
  const calendar = options.calendar ?? defaultCalendar;
  const day = londonDate(now);
  const result: ReminderRunResult = {
    day,
    workingDay: calendar.isWorkingDay(day),
    mails: 0,
    firstResponses: 0,
    siteRequests: 0,
    alreadySent: 0,
  };
  if (!result.workingDay) return result;

  // Due by the end of the next working day, and of the second working day, after today.
  const firstResponseHorizon = calendar.addWorkingDays(now, 1);
  const siteRequestHorizon = calendar.addWorkingDays(now, 2);
  const accounts = await services.accountLinks.listUsers();

  return services.database.transaction(async (tx) => {
    // A second instance waits here, then finds every key taken.
    await tx.query('select pg_advisory_xact_lock($1)', [reminderLockKey]);
    const repository = new ReminderRepository(tx);
    const plans = planReminders({
      firstResponses: await repository.firstResponsesDue(firstResponseHorizon),
      siteRequests: await repository.siteRequestsDue(siteRequestHorizon),
      accounts,
      now,
      londonDay: day,
      publicUrl,
    });
    for (const { recipient, items } of plans) {
      const fresh = [];
      for (const item of items) {
        if (await repository.claim(item.key, item.enquiryId, now)) fresh.push(item);
        else result.alreadySent += 1;
      }
      if (fresh.length === 0) continue;
      await services.mail.outbox.enqueue(tx, reminderMail(recipient, fresh, now));
      result.mails += 1;
      for (const item of fresh) {
        if (item.kind === 'first-response') result.firstResponses += 1;
        else result.siteRequests += 1;
      }
    }
    // Only runs that sent something are audited: a quiet day leaves no trace.
    if (result.mails > 0) {
      await services.audit.record(tx, systemActor, {
        action: 'send',
        entityType: 'enquiry-reminders',
        after: { ...result, ranAt: now },
      });
    }
    return result;
  });
}

/**
 * Declares the daily reminder job on the job runner; called before the runner starts.
 * `options.clock` gives the moment a job run uses (tests fix it); `options.calendar` the days.
 */
export function defineEnquiryReminders(
  services: ReminderServices,
  publicUrl: string,
  options: { clock?: () => Date; calendar?: WorkingDayCalendar } = {},
) {
  publicUrls.set(services, publicUrl);
  const clock = options.clock ?? (() => new Date());
  const jobs = services.mail.jobs;
  jobs.defineQueue(enquiryReminderQueue, {
    // A run is harmless to repeat (its keys), so a failed one is simply tried again later.
    retryLimit: 3,
    retryDelaySeconds: 300,
    retryBackoff: true,
    expireInSeconds: 600,
  });
  jobs.work(enquiryReminderQueue, async () => {
    await runEnquiryReminders(services, clock(), {
      publicUrl,
      ...(options.calendar ? { calendar: options.calendar } : {}),
    });
  });
}

/**
 * Schedules the reminder job; called after the runner has started.
 *
 * pg-boss refuses a singleton period longer than its archive interval (12 hours by default), so
 * `every(queue, 24 * 3600)` would fail at every tick: the job is scheduled every 12 hours instead.
 * That is harmless: reminders are keyed per item and London day, so a second run on the same day
 * only mails what became due since (rare, as every deadline ends at London midnight). The
 * runner's timer first fires a period after start, so a catch-up run is also queued for a few
 * minutes after start-up, with the same singleton key and period: across restarts and instances
 * there is at most one run per 12-hour slot, and a process restarted daily still sends reminders.
 */
export function scheduleEnquiryReminders(services: ReminderServices) {
  const jobs = services.mail.jobs;
  jobs.every(enquiryReminderQueue, schedulePeriodSeconds);
  void jobs
    .send(
      enquiryReminderQueue,
      {},
      {
        startAfterSeconds: 300,
        singletonSeconds: schedulePeriodSeconds,
        singletonKey: enquiryReminderQueue,
      },
    )
    .catch(() => undefined);
}
