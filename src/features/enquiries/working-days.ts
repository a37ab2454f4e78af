import Holidays from 'date-holidays';

/**
 * Working days in England and Wales: Monday to Friday, less England's public (bank) holidays.
 *
 * Every "day" here is a calendar day in Europe/London, whatever the machine's own time zone.
 * Calendar days are handled internally as ISO strings (`YYYY-MM-DD`) and stepped with UTC
 * arithmetic, which has no daylight-saving gaps; only the conversions between instants and
 * London calendar days touch the time zone.
 */

const LONDON = 'Europe/London';
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface BankHoliday {
  /** The London calendar date, `YYYY-MM-DD`. */
  date: string;
  name: string;
}

export interface WorkingDayCalendarOptions {
  /** Further non-working days (`YYYY-MM-DD`), e.g. for tests or an office closure. */
  extraHolidays?: string[];
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function londonWallClock(instant: Date): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of londonParts.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function assertValidInstant(date: Date, label: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`${label} must be a valid Date`);
  }
}

/** The calendar date in London (`YYYY-MM-DD`) of an instant. */
export function londonDate(instant: Date): string {
  assertValidInstant(instant, 'date');
  const { year, month, day } = londonWallClock(instant);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Milliseconds since the epoch of midnight UTC on an ISO calendar date, or NaN if invalid. */
function isoToUtcMs(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) return NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Reject dates that roll over, e.g. 2026-02-30.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return NaN;
  if (check.getUTCDate() !== day) return NaN;
  return ms;
}

function isIsoDate(iso: string): boolean {
  return !Number.isNaN(isoToUtcMs(iso));
}

function addCalendarDays(iso: string, days: number): string {
  return new Date(isoToUtcMs(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(iso: string): boolean {
  const weekday = new Date(isoToUtcMs(iso)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** London's offset from UTC, in milliseconds, at an instant (0 in GMT, 3,600,000 in BST). */
function londonOffsetMs(instantMs: number): number {
  const wall = londonWallClock(new Date(instantMs));
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The UTC instant of 23:59:59.999 London time on a London calendar date. */
export function endOfLondonDay(iso: string): Date {
  const wallMs = isoToUtcMs(iso) + DAY_MS - 1;
  // Clocks change at 01:00 UTC, so late evening is never ambiguous; a second pass settles
  // the offset should the first guess fall on the other side of a change.
  let instant = wallMs - londonOffsetMs(wallMs);
  instant = wallMs - londonOffsetMs(instant);
  return new Date(instant);
}

/** England's public holidays, per year, from date-holidays; shared, computed once a year. */
const publicHolidayCache = new Map<number, readonly BankHoliday[]>();
let holidaySource: Holidays | undefined;

function englandPublicHolidays(year: number): readonly BankHoliday[] {
  let holidays = publicHolidayCache.get(year);
  if (!holidays) {
    holidaySource ??= new Holidays('GB', 'ENG');
    holidays = Object.freeze(
      holidaySource
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        // `date` is the local calendar date, "YYYY-MM-DD hh:mm:ss [offset]".
        .map((holiday) => Object.freeze({ date: holiday.date.slice(0, 10), name: holiday.name }))
        .filter((holiday) => holiday.date.startsWith(`${pad(year, 4)}-`)),
    );
    publicHolidayCache.set(year, holidays);
  }
  return holidays;
}

export class WorkingDayCalendar {
  readonly #extraHolidays: readonly string[];
  readonly #holidayDates = new Map<number, ReadonlySet<string>>();

  constructor(options: WorkingDayCalendarOptions = {}) {
    const extras = options.extraHolidays ?? [];
    for (const iso of extras) {
      if (!isIsoDate(iso)) {
        throw new RangeError(`extraHolidays must be ISO dates (YYYY-MM-DD), not ${iso}`);
      }
    }
    this.#extraHolidays = Object.freeze([...new Set(extras)].sort());
  }

  /** Whether the London calendar day of `date` is a working day. A `YYYY-MM-DD` string is
   * taken as that calendar day; any other string as an instant. */
  isWorkingDay(date: Date | string): boolean {
    return this.#isWorkingIso(toLondonIso(date));
  }

  /**
   * The deadline `days` working days after `start`: the end (23:59:59.999 London time) of that
   * working day. A start on a non-working day counts from the next working day, so with
   * `days = 0` the deadline is the end of the start's day if working, else of the next one.
   */
  addWorkingDays(start: Date, days: number): Date {
    assertValidInstant(start, 'start');
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a whole number of 0 or more, not ${days}`);
    }
    let iso = londonDate(start);
    if (!this.#isWorkingIso(iso)) iso = this.#nextWorkingIso(iso);
    for (let counted = 0; counted < days; counted += 1) iso = this.#nextWorkingIso(iso);
    return endOfLondonDay(iso);
  }

  /**
   * Whole working days elapsed from `start` to `end`: the number of working days after the
   * start's London calendar day, up to and including the end's. 0 on the same day or when
   * `end` is before `start`.
   */
  workingDaysBetween(start: Date, end: Date): number {
    assertValidInstant(start, 'start');
    assertValidInstant(end, 'end');
    if (end.getTime() <= start.getTime()) return 0;
    const last = londonDate(end);
    let count = 0;
    for (let iso = addCalendarDays(londonDate(start), 1); iso <= last;) {
      if (this.#isWorkingIso(iso)) count += 1;
      iso = addCalendarDays(iso, 1);
    }
    return count;
  }

  /** England's public holidays in `year`, with any extra holidays, in date order. */
  holidaysIn(year: number): BankHoliday[] {
    if (!Number.isSafeInteger(year)) throw new RangeError(`year must be an integer, not ${year}`);
    const prefix = `${pad(year, 4)}-`;
    const holidays = englandPublicHolidays(year).map((holiday) => ({ ...holiday }));
    for (const iso of this.#extraHolidays) {
      if (iso.startsWith(prefix)) holidays.push({ date: iso, name: 'Additional holiday' });
    }
    return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  #holidaysFor(year: number): ReadonlySet<string> {
    let dates = this.#holidayDates.get(year);
    if (!dates) {
      dates = new Set(this.holidaysIn(year).map((holiday) => holiday.date));
      this.#holidayDates.set(year, dates);
    }
    return dates;
  }

  #isWorkingIso(iso: string): boolean {
    return !isWeekend(iso) && !this.#holidaysFor(Number(iso.slice(0, 4))).has(iso);
  }

  #nextWorkingIso(iso: string): string {
    let next = addCalendarDays(iso, 1);
    while (!this.#isWorkingIso(next)) next = addCalendarDays(next, 1);
    return next;
  }
}

function toLondonIso(date: Date | string): string {
  if (typeof date === 'string') {
    if (ISO_DATE.test(date)) {
      if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
      return date;
    }
    const instant = new Date(date);
    if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${date}`);
    return londonDate(instant);
  }
  return londonDate(date);
}
