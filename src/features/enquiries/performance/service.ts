import type { Database } from '../../../platform/db/database.js';
import {
  enquiryStages,
  firstResponseWorkingDays,
  stageLabel,
  type ClosureOutcome,
  type EnquiryStage,
} from '../model.js';
import { londonDate, WorkingDayCalendar } from '../working-days.js';
import { monthsOf, type ReportingPeriod } from './period.js';
import { shareOf, summarise, type DurationSummary, type Share } from './statistics.js';

/**
 * The front door's performance figures for a period (issue item 7). SQL picks and groups the
 * rows; durations are counted here in working days (England's bank holidays excluded) by
 * WorkingDayCalendar, and summarised by the nearest-rank median and 90th percentile.
 *
 * Which records each figure covers:
 * - stages, months and first response: enquiries received in the period;
 * - time in stage: stays that ended in the period (a stay runs from entering a stage, by a
 *   stage change or by submission, to the stage change that leaves it; the current stage of an
 *   enquiry is not counted until it is left);
 * - site responses: partner sites asked in the period;
 * - conversion: enquiries closed in the period.
 */

export interface StageCount {
  stage: EnquiryStage;
  label: string;
  count: number;
}

export interface MonthCount {
  /** `YYYY-MM`, a London calendar month. */
  month: string;
  label: string;
  count: number;
}

export interface FirstResponseFigures {
  received: number;
  answered: number;
  /** Not answered and past the deadline of 3 working days. */
  overdue: number;
  /** Not answered, still within the deadline: not counted either way yet. */
  pending: number;
  /** Working days from receipt to first response, of the answered enquiries. */
  workingDays: DurationSummary;
  /** Answered by the deadline, out of those answered or overdue. */
  withinDeadline: Share;
}

export interface StageTime {
  stage: EnquiryStage;
  label: string;
  workingDays: DurationSummary;
}

export interface SiteResponseFigures {
  organisationId: string;
  name: string;
  shortName: string;
  asked: number;
  answered: number;
  /** Working days from the request to the answer, of the answered requests. */
  workingDays: DurationSummary;
  /** Answered by the due date, out of those answered or past their due date. */
  byDeadline: Share;
  /** Interested, out of those answered. */
  interested: Share;
}

export interface OutcomeCount {
  outcome: ClosureOutcome;
  label: string;
  count: number;
  /** Of these, how many had been open to recruitment. */
  reachedOpen: number;
}

export interface ConversionFigures {
  closed: number;
  outcomes: OutcomeCount[];
  /** Closed enquiries that had reached "open" (the study opened), out of all closed. */
  reachedOpen: Share;
}

export interface PerformanceFigures {
  period: ReportingPeriod;
  /** Enquiries received in the period. */
  received: number;
  byStage: StageCount[];
  byMonth: MonthCount[];
  firstResponse: FirstResponseFigures;
  stageTimes: StageTime[];
  sites: SiteResponseFigures[];
  conversion: ConversionFigures;
}

/** Short names of the closure outcomes, for tables and charts. */
export const outcomeLabels: Record<ClosureOutcome, string> = {
  won: 'Won',
  lost: 'Lost',
  withdrawn: 'Withdrawn',
};

/** Every stage an enquiry can be left from: all but "closed". */
export const timedStages = enquiryStages
  .map((stage) => stage.slug)
  .filter((stage): stage is Exclude<EnquiryStage, 'closed'> => stage !== 'closed');

const monthLabel = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  month: 'long',
  year: 'numeric',
});

export class PerformanceService {
  constructor(
    private readonly database: Database,
    private readonly calendar = new WorkingDayCalendar(),
  ) {}

  /** Every figure for a period; `now` decides which unanswered enquiries are already late. */
  async figures(period: ReportingPeriod, now: Date): Promise<PerformanceFigures> {
    const range = [period.start, period.end];
    const [stageRows, receivedRows, stayRows, siteRows, closedRows] = await Promise.all([
      this.database.query<{ stage: EnquiryStage; n: number }>(
        `select stage, count(*)::int as n from enquiry
          where received_at >= $1 and received_at < $2
          group by stage`,
        range,
      ),
      this.database.query<{ received_at: Date; first_responded_at: Date | null }>(
        `select received_at, first_responded_at from enquiry
          where received_at >= $1 and received_at < $2`,
        range,
      ),
      this.database.query<{ stage: EnquiryStage; entered_at: Date; left_at: Date }>(
        `select stage, entered_at, left_at from (
           select ev.from_stage as stage,
                  coalesce(
                    lag(ev.occurred_at) over (
                      partition by ev.enquiry_id order by ev.occurred_at, ev.id),
                    enquiry.received_at) as entered_at,
                  ev.occurred_at as left_at
             from enquiry_event ev
             join enquiry on enquiry.id = ev.enquiry_id
            where ev.kind = 'stage-changed' and ev.from_stage is not null
         ) stays
         where left_at >= $1 and left_at < $2`,
        range,
      ),
      this.database.query<{
        organisation_id: string;
        name: string;
        short_name: string;
        requested_at: Date;
        due_at: Date;
        responded_at: Date | null;
        interested: boolean | null;
      }>(
        `select organisation.id::text as organisation_id, organisation.name,
                organisation.short_name, sr.requested_at, sr.due_at,
                sr.responded_at, sr.interested
           from enquiry_site_request sr
           join organisation on organisation.id = sr.organisation_id
          where sr.requested_at >= $1 and sr.requested_at < $2
          order by organisation.name, organisation.id`,
        range,
      ),
      this.database.query<{ outcome: ClosureOutcome; n: number; reached_open: number }>(
        `select enquiry.closed_outcome as outcome, count(*)::int as n,
                (count(*) filter (where exists (
                   select 1 from enquiry_event ev
                    where ev.enquiry_id = enquiry.id and ev.kind = 'stage-changed'
                      and (ev.to_stage = 'open' or ev.from_stage = 'open'))))::int
                  as reached_open
           from enquiry
          where enquiry.stage = 'closed'
            and enquiry.stage_entered_at >= $1 and enquiry.stage_entered_at < $2
          group by enquiry.closed_outcome`,
        range,
      ),
    ]);

    const stageCounts = new Map(stageRows.map((row) => [row.stage, row.n]));
    const byStage = enquiryStages.map((stage) => ({
      stage: stage.slug,
      label: stage.label,
      count: stageCounts.get(stage.slug) ?? 0,
    }));

    const monthCounts = new Map<string, number>();
    for (const row of receivedRows) {
      const month = londonDate(row.received_at).slice(0, 7);
      monthCounts.set(month, (monthCounts.get(month) ?? 0) + 1);
    }
    const byMonth = monthsOf(period).map((month) => ({
      month,
      label: monthLabel.format(new Date(`${month}-01T00:00:00Z`)),
      count: monthCounts.get(month) ?? 0,
    }));

    return {
      period,
      received: receivedRows.length,
      byStage,
      byMonth,
      firstResponse: this.#firstResponse(receivedRows, now),
      stageTimes: this.#stageTimes(stayRows),
      sites: this.#sites(siteRows, now),
      conversion: conversionOf(closedRows),
    };
  }

  #firstResponse(
    rows: readonly { received_at: Date; first_responded_at: Date | null }[],
    now: Date,
  ): FirstResponseFigures {
    const days: number[] = [];
    let withinDeadline = 0;
    let overdue = 0;
    for (const row of rows) {
      // The deadline the enquirer is promised: the end of the 3rd working day after receipt.
      const deadline = this.calendar.addWorkingDays(row.received_at, firstResponseWorkingDays);
      if (row.first_responded_at) {
        days.push(this.calendar.workingDaysBetween(row.received_at, row.first_responded_at));
        if (row.first_responded_at.getTime() <= deadline.getTime()) withinDeadline += 1;
      } else if (now.getTime() > deadline.getTime()) {
        overdue += 1;
      }
    }
    return {
      received: rows.length,
      answered: days.length,
      overdue,
      pending: rows.length - days.length - overdue,
      workingDays: summarise(days),
      withinDeadline: shareOf(withinDeadline, days.length + overdue),
    };
  }

  #stageTimes(
    rows: readonly { stage: EnquiryStage; entered_at: Date; left_at: Date }[],
  ): StageTime[] {
    const days = new Map<EnquiryStage, number[]>();
    for (const row of rows) {
      const list = days.get(row.stage) ?? [];
      list.push(this.calendar.workingDaysBetween(row.entered_at, row.left_at));
      days.set(row.stage, list);
    }
    return timedStages.map((stage) => ({
      stage,
      label: stageLabel(stage),
      workingDays: summarise(days.get(stage) ?? []),
    }));
  }

  #sites(
    rows: readonly {
      organisation_id: string;
      name: string;
      short_name: string;
      requested_at: Date;
      due_at: Date;
      responded_at: Date | null;
      interested: boolean | null;
    }[],
    now: Date,
  ): SiteResponseFigures[] {
    const byOrganisation = new Map<string, (typeof rows)[number][]>();
    for (const row of rows) {
      const list = byOrganisation.get(row.organisation_id) ?? [];
      list.push(row);
      byOrganisation.set(row.organisation_id, list);
    }
    return [...byOrganisation.values()].flatMap((requests) => {
      const first = requests[0];
      if (!first) return [];
      const days: number[] = [];
      let onTime = 0;
      let late = 0;
      let interested = 0;
      for (const request of requests) {
        if (request.responded_at) {
          days.push(this.calendar.workingDaysBetween(request.requested_at, request.responded_at));
          if (request.responded_at.getTime() <= request.due_at.getTime()) onTime += 1;
          if (request.interested) interested += 1;
        } else if (now.getTime() > request.due_at.getTime()) {
          late += 1;
        }
      }
      return [
        {
          organisationId: first.organisation_id,
          name: first.name,
          shortName: first.short_name,
          asked: requests.length,
          answered: days.length,
          workingDays: summarise(days),
          byDeadline: shareOf(onTime, days.length + late),
          interested: shareOf(interested, days.length),
        },
      ];
    });
  }
}

function conversionOf(
  rows: readonly { outcome: ClosureOutcome; n: number; reached_open: number }[],
): ConversionFigures {
  const counts = new Map(rows.map((row) => [row.outcome, row]));
  const outcomes = (Object.keys(outcomeLabels) as ClosureOutcome[]).map((outcome) => ({
    outcome,
    label: outcomeLabels[outcome],
    count: counts.get(outcome)?.n ?? 0,
    reachedOpen: counts.get(outcome)?.reached_open ?? 0,
  }));
  const closed = outcomes.reduce((sum, row) => sum + row.count, 0);
  const reachedOpen = outcomes.reduce((sum, row) => sum + row.reachedOpen, 0);
  return { closed, outcomes, reachedOpen: shareOf(reachedOpen, closed) };
}
