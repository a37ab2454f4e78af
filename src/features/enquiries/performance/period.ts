import { z } from 'zod';
import { endOfLondonDay, londonDate } from '../working-days.js';

/**
 * The reporting period of the performance page: London calendar days `from` to `to`, both
 * included. Without dates it is the last 12 months: this calendar month so far and the 11
 * before it, so "received per month" shows exactly twelve months.
 */
export interface ReportingPeriod {
  /** First London calendar day, `YYYY-MM-DD`. */
  from: string;
  /** Last London calendar day, `YYYY-MM-DD`, included. */
  to: string;
  /** The first instant of `from` in London. */
  start: Date;
  /** The first instant after `to` in London (exclusive). */
  end: Date;
}

/** The longest period shown, which keeps the month list and the work bounded. */
export const maxPeriodYears = 10;
export const periodFields = ['from', 'to'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < 2000 || year > 2999) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-01` of the month `months` before the month of an ISO date. */
function monthStartBefore(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7)) - 1 - months;
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
}

/** The instants a London calendar-day period covers. */
export function periodOf(from: string, to: string): ReportingPeriod {
  return {
    from,
    to,
    start: new Date(endOfLondonDay(addDays(from, -1)).getTime() + 1),
    end: new Date(endOfLondonDay(to).getTime() + 1),
  };
}

/** The default period on a given day: from the 1st of the month 11 months back, to that day. */
export function defaultPeriod(now: Date): ReportingPeriod {
  const { from, to } = withDefaults({}, now);
  return periodOf(from, to);
}

const day = (label: string) =>
  z
    .string({ error: `${label} date must be a real date, like 2026-11-02` })
    .trim()
    .optional()
    .refine((value) => !value || isRealDate(value), {
      error: `${label} date must be a real date, like 2026-11-02`,
    });

/** Days since 1 January of an ISO date (0 on 1 January). */
function dayOfYear(iso: string): number {
  return Math.round(
    (Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${iso.slice(0, 4)}-01-01T00:00:00Z`)) / DAY_MS,
  );
}

/** Missing dates: `to` is today; `from` is the 1st of the month 11 months before `to`. */
function withDefaults(value: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = value.to || londonDate(now);
  return { from: value.from || monthStartBefore(to, 11), to };
}

const periodQuery = z.object({ from: day('From'), to: day('To') });

/**
 * Reads `from` and `to` from a query string. Empty or missing dates take their default; a date
 * that is not real, a repeated parameter, `to` before `from` or a period over ten years is an
 * error for that field.
 */
export function parsePeriod(
  query: Record<string, unknown>,
  now: Date,
): { success: true; period: ReportingPeriod } | { success: false; error: z.ZodError } {
  const parsed = periodQuery
    .superRefine((value, context) => {
      if ((value.from && !isRealDate(value.from)) || (value.to && !isRealDate(value.to))) return;
      const { from, to } = withDefaults(value, now);
      // The same calendar day ten years before `to` (29 February becomes 1 March).
      const earliest = addDays(`${Number(to.slice(0, 4)) - maxPeriodYears}-01-01`, dayOfYear(to));
      if (to < from) {
        context.addIssue({
          code: 'custom',
          path: ['to'],
          message: 'To date must be the same as or after the from date',
        });
      } else if (from < earliest) {
        context.addIssue({
          code: 'custom',
          path: ['from'],
          message: `The period must be ${maxPeriodYears} years or shorter`,
        });
      }
    })
    .safeParse({ from: query.from, to: query.to });
  if (!parsed.success) return { success: false, error: parsed.error };
  const { from, to } = withDefaults(parsed.data, now);
  return { success: true, period: periodOf(from, to) };
}

/** The London calendar months (`YYYY-MM`) a period touches, in order. */
export function monthsOf(period: ReportingPeriod): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
