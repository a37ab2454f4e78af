// Recruitment over time, planned against actual. The plan spreads each site's target evenly over
// its planned days (opening day to closing day, both counted) and adds the sites up; the actual
// figure adds up the participants recorded per day. Pure: sites and a day in, numbers out.
import { daysBetween } from '../measures.js';

export interface PlannedSite {
  recruitmentTarget: number;
  plannedOpen: string;
  plannedClose: string;
  recruitment: readonly { recruitedOn: string; participants: number }[];
}

export interface SeriesPoint {
  date: string;
  value: number;
}

export interface RecruitmentSeries {
  start: string;
  end: string;
  /** Cumulative planned participants, from start to end. */
  planned: SeriesPoint[];
  /** Cumulative recruited participants, from start to today (or end, if earlier). */
  actual: SeriesPoint[];
}

export interface MonthOfRecruitment {
  /** YYYY-MM */
  month: string;
  label: string;
  /** The last day the figures count: the month's last day, or today in the current month. */
  until: string;
  /** Null for months after today. */
  recruitedInMonth: number | null;
  recruitedToDate: number | null;
  plannedToDate: number;
}

export const addDays = (date: string, days: number): string => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

const monthEnd = (month: string): string => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
};

const nextMonth = (month: string): string => addDays(monthEnd(month), 1).slice(0, 7);

const monthLabel = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Participants one site plans to have recruited by the end of `date`. */
export function plannedBy(site: PlannedSite, date: string): number {
  if (date < site.plannedOpen) return 0;
  if (date >= site.plannedClose) return site.recruitmentTarget;
  const days = daysBetween(site.plannedOpen, site.plannedClose) + 1;
  return (site.recruitmentTarget * (daysBetween(site.plannedOpen, date) + 1)) / days;
}

/** Participants all the sites plan to have recruited by the end of `date`. */
export const plannedToDate = (sites: readonly PlannedSite[], date: string): number =>
  sites.reduce((sum, site) => sum + plannedBy(site, date), 0);

/** Participants recorded at all the sites up to the end of `date`. */
export const recruitedToDate = (sites: readonly PlannedSite[], date: string): number =>
  sites.reduce(
    (sum, site) =>
      sum +
      site.recruitment
        .filter((day) => day.recruitedOn <= date)
        .reduce((total, day) => total + day.participants, 0),
    0,
  );

/** The days the chart and table cover: from the first planned or recorded day to the last
 * planned day, or today if that is later. Null when there are no sites. */
export function seriesRange(
  sites: readonly PlannedSite[],
  today: string,
): { start: string; end: string } | null {
  if (sites.length === 0) return null;
  const starts = sites.flatMap((site) => [
    site.plannedOpen,
    ...site.recruitment.slice(0, 1).map((day) => day.recruitedOn),
  ]);
  const ends = sites.map((site) => site.plannedClose);
  const start = starts.reduce((a, b) => (a < b ? a : b));
  const lastPlanned = ends.reduce((a, b) => (a > b ? a : b));
  return { start, end: lastPlanned > today ? lastPlanned : today };
}

/** Both lines, one point every `step` days and one on the last day of each. */
export function recruitmentSeries(
  sites: readonly PlannedSite[],
  today: string,
  step = 7,
): RecruitmentSeries | null {
  const range = seriesRange(sites, today);
  if (!range) return null;
  const days = (from: string, to: string) => {
    const list: string[] = [];
    for (let day = from; day < to; day = addDays(day, step)) list.push(day);
    list.push(to);
    return list;
  };
  const planned = days(range.start, range.end).map((date) => ({
    date,
    value: plannedToDate(sites, date),
  }));
  const lastActual = today < range.end ? today : range.end;
  const actual =
    lastActual < range.start
      ? []
      : days(range.start, lastActual).map((date) => ({
          date,
          value: recruitedToDate(sites, date),
        }));
  return { ...range, planned, actual };
}

/** Month by month: recruited in the month, and recruited and planned by its last day (or by
 * today in the current month). */
export function recruitmentByMonth(
  sites: readonly PlannedSite[],
  today: string,
): MonthOfRecruitment[] {
  const range = seriesRange(sites, today);
  if (!range) return [];
  const months: MonthOfRecruitment[] = [];
  let previous = 0;
  for (
    let month = range.start.slice(0, 7);
    month <= range.end.slice(0, 7);
    month = nextMonth(month)
  ) {
    const last = monthEnd(month);
    const started = `${month}-01` <= today;
    const until = started && last > today ? today : last;
    const recruited = started ? recruitedToDate(sites, until) : null;
    months.push({
      month,
      label: monthLabel.format(new Date(`${month}-01T00:00:00Z`)),
      until,
      recruitedInMonth: recruited === null ? null : recruited - previous,
      recruitedToDate: recruited,
      plannedToDate: plannedToDate(sites, until),
    });
    if (recruited !== null) previous = recruited;
  }
  return months;
}
