import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Holidays from 'date-holidays';
import { WorkingDayCalendar, endOfLondonDay, londonDate } from './working-days.js';

const calendar = new WorkingDayCalendar();

/** The deadline as an ISO instant, for readable assertions. */
function deadline(start: string, days: number, cal = calendar): string {
  return cal.addWorkingDays(new Date(start), days).toISOString();
}

function between(start: string, end: string, cal = calendar): number {
  return cal.workingDaysBetween(new Date(start), new Date(end));
}

// End of a London day: 23:59:59.999Z in GMT (late Oct to late Mar), 22:59:59.999Z in BST.
const GMT_END = 'T23:59:59.999Z';
const BST_END = 'T22:59:59.999Z';

describe('England bank holidays from date-holidays', () => {
  test('2026: only the public holidays, with the Boxing Day substitute on Mon 28 Dec', () => {
    assert.deepEqual(calendar.holidaysIn(2026), [
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: 'Boxing Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  test('2027: Easter on 26 and 29 March, late May on the 31st, two Christmas substitutes', () => {
    assert.deepEqual(
      calendar.holidaysIn(2027).map((holiday) => holiday.date),
      [
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-03',
        '2027-05-31',
        '2027-08-30',
        '2027-12-25',
        '2027-12-26',
        '2027-12-27',
        '2027-12-28',
      ],
    );
  });

  test("observances such as Mother's Day and Easter Sunday are not holidays", () => {
    const names = calendar.holidaysIn(2026).map((holiday) => holiday.name);
    assert.ok(!names.includes("Mother's Day"));
    assert.ok(!names.includes('Easter Sunday'));
  });

  test('each year is computed once and cached; callers get copies', () => {
    const prototype = Holidays.prototype as unknown as { getHolidays: Holidays['getHolidays'] };
    const original = prototype.getHolidays;
    let calls = 0;
    prototype.getHolidays = function (
      this: Holidays,
      ...args: Parameters<Holidays['getHolidays']>
    ) {
      calls += 1;
      return original.apply(this, args);
    };
    try {
      const fresh = new WorkingDayCalendar();
      const first = fresh.holidaysIn(2031);
      fresh.isWorkingDay('2031-06-02');
      new WorkingDayCalendar().holidaysIn(2031);
      fresh.addWorkingDays(new Date('2031-03-03T09:00:00Z'), 40);
      assert.equal(calls, 1);
      first.pop();
      first[0] = { date: '2031-06-02', name: 'Tampered' };
      assert.equal(fresh.holidaysIn(2031).length, 8);
      assert.equal(fresh.isWorkingDay('2031-06-02'), true);
      assert.equal(fresh.isWorkingDay('2031-01-01'), false);
    } finally {
      prototype.getHolidays = original;
    }
  });

  test('extra holidays are non-working days and listed with the year they fall in', () => {
    const closures = new WorkingDayCalendar({ extraHolidays: ['2026-06-15', '2027-01-04'] });
    assert.equal(closures.isWorkingDay('2026-06-15'), false);
    assert.equal(calendar.isWorkingDay('2026-06-15'), true);
    assert.deepEqual(
      closures.holidaysIn(2026).filter((holiday) => holiday.date.startsWith('2026-06')),
      [{ date: '2026-06-15', name: 'Additional holiday' }],
    );
    assert.ok(!closures.holidaysIn(2026).some((holiday) => holiday.date === '2027-01-04'));
    // Fri 12 Jun 2026 + 1 skips the weekend and the closure on Mon 15 Jun.
    assert.equal(deadline('2026-06-12T10:00:00Z', 1, closures), `2026-06-16${BST_END}`);
    assert.throws(() => new WorkingDayCalendar({ extraHolidays: ['15/06/2026'] }), RangeError);
    assert.throws(() => new WorkingDayCalendar({ extraHolidays: ['2026-02-30'] }), RangeError);
  });
});

describe('isWorkingDay', () => {
  test('weekends are not working days', () => {
    assert.equal(calendar.isWorkingDay('2026-06-12'), true); // Friday
    assert.equal(calendar.isWorkingDay('2026-06-13'), false); // Saturday
    assert.equal(calendar.isWorkingDay('2026-06-14'), false); // Sunday
    assert.equal(calendar.isWorkingDay('2026-06-15'), true); // Monday
  });

  test('Christmas 2026: Fri 25, Sat 26 and the substitute Mon 28 Dec are off', () => {
    const days = ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28'];
    assert.deepEqual(
      [...days, '2026-12-29'].map((day) => calendar.isWorkingDay(day)),
      [true, false, false, false, false, true],
    );
  });

  test('bank holidays: New Year, Easter 2027 and the late-May Mondays', () => {
    for (const day of ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-31', '2026-05-25']) {
      assert.equal(calendar.isWorkingDay(day), false, day);
    }
    for (const day of ['2026-12-31', '2027-01-04', '2027-03-25', '2027-03-30', '2027-05-28']) {
      assert.equal(calendar.isWorkingDay(day), true, day);
    }
  });

  test('uses the London calendar day, not the UTC one', () => {
    // BST: 23:30 UTC on Tue 30 Jun 2026 is 00:30 on Wed 1 Jul in London.
    assert.equal(londonDate(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
    // Fri 3 Jul 2026 23:30 UTC is already Saturday in London.
    assert.equal(calendar.isWorkingDay(new Date('2026-07-03T23:30:00Z')), false);
    assert.equal(calendar.isWorkingDay(new Date('2026-07-03T22:59:59Z')), true);
    // Sun 24 May 2026 23:30 UTC is the spring bank holiday, Mon 25 May, in London.
    assert.equal(calendar.isWorkingDay('2026-05-24T23:30:00Z'), false);
    // Sun 29 Mar 2026 23:30 UTC (the day BST starts) is already Monday in London.
    assert.equal(calendar.isWorkingDay(new Date('2026-03-29T23:30:00Z')), true);
    // In GMT London and UTC agree: Thu 24 Dec 2026 23:30 UTC is still the 24th.
    assert.equal(calendar.isWorkingDay(new Date('2026-12-24T23:30:00Z')), true);
    // Sat 24 Oct 2026 23:30 UTC is Sun 25 Oct 00:30 BST, the day BST ends.
    assert.equal(londonDate(new Date('2026-10-24T23:30:00Z')), '2026-10-25');
  });

  test('rejects what is not a date', () => {
    assert.throws(() => calendar.isWorkingDay('not a date'), RangeError);
    assert.throws(() => calendar.isWorkingDay('2026-13-01'), RangeError);
    assert.throws(() => calendar.isWorkingDay(new Date(Number.NaN)), RangeError);
  });
});

describe('addWorkingDays', () => {
  test('an enquiry received Thu 24 Dec 2026 has its 3-working-day deadline on Thu 31 Dec', () => {
    // Working days after Thu 24 Dec: Tue 29 (1), Wed 30 (2), Thu 31 (3); Fri 25, Sat 26,
    // Sun 27 and the Boxing Day substitute Mon 28 Dec do not count.
    assert.equal(deadline('2026-12-24T10:00:00Z', 3), `2026-12-31${GMT_END}`);
    assert.equal(deadline('2026-12-24T10:00:00Z', 2), `2026-12-30${GMT_END}`);
    assert.equal(deadline('2026-12-24T10:00:00Z', 1), `2026-12-29${GMT_END}`);
    // Received on Christmas Day: counting starts on Tue 29 Dec.
    assert.equal(deadline('2026-12-25T10:00:00Z', 0), `2026-12-29${GMT_END}`);
    assert.equal(deadline('2026-12-25T10:00:00Z', 3), `2027-01-04${GMT_END}`);
  });

  test('New Year: across Fri 1 Jan 2027 and into the next year', () => {
    assert.equal(deadline('2026-12-31T15:00:00Z', 1), `2027-01-04${GMT_END}`);
    // Wed 31 Dec 2025 + 1 skips Thu 1 Jan 2026.
    assert.equal(deadline('2025-12-31T15:00:00Z', 1), `2026-01-02${GMT_END}`);
  });

  test('Easter 2027: Good Friday 26 Mar and Easter Monday 29 Mar (and BST from the 28th)', () => {
    // Thu 25 Mar (GMT) + 1 is Tue 30 Mar, which ends at 23:59:59.999 BST.
    assert.equal(deadline('2027-03-25T10:00:00Z', 1), `2027-03-30${BST_END}`);
    assert.equal(deadline('2027-03-26T10:00:00Z', 0), `2027-03-30${BST_END}`);
  });

  test('the 10-working-day default site deadline across Easter 2027', () => {
    // From Wed 24 Mar: Thu 25, Tue 30, Wed 31, Thu 1, Fri 2, Mon 5, Tue 6, Wed 7, Thu 8, Fri 9 Apr.
    assert.equal(deadline('2027-03-24T09:00:00Z', 10), `2027-04-09${BST_END}`);
    // Without the holidays it would have been Wed 7 Apr.
    assert.notEqual(deadline('2027-03-24T09:00:00Z', 10), `2027-04-07${BST_END}`);
    // Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr): Wed 1 Apr + 10 is Fri 17 Apr.
    assert.equal(deadline('2026-04-01T09:00:00Z', 10), `2026-04-17${BST_END}`);
  });

  test('the late-May bank holidays', () => {
    assert.equal(deadline('2027-05-28T10:00:00Z', 1), `2027-06-01${BST_END}`);
    assert.equal(deadline('2026-05-22T10:00:00Z', 1), `2026-05-26${BST_END}`);
  });

  test('weekends, and days = 0', () => {
    assert.equal(deadline('2026-06-12T10:00:00Z', 1), `2026-06-15${BST_END}`); // Fri → Mon
    assert.equal(deadline('2026-06-12T10:00:00Z', 0), `2026-06-12${BST_END}`); // Fri → Fri
    assert.equal(deadline('2026-06-13T10:00:00Z', 0), `2026-06-15${BST_END}`); // Sat → Mon
    assert.equal(deadline('2026-06-14T10:00:00Z', 1), `2026-06-16${BST_END}`); // Sun → Tue
    assert.equal(deadline('2026-06-08T10:00:00Z', 5), `2026-06-15${BST_END}`); // Mon → Mon
  });

  test('a late-evening UTC start already on the next London day', () => {
    // 2026-06-30T23:30Z is Wed 1 Jul in London.
    assert.equal(deadline('2026-06-30T23:30:00Z', 0), `2026-07-01${BST_END}`);
    assert.equal(deadline('2026-06-30T23:30:00Z', 1), `2026-07-02${BST_END}`);
    // Fri 3 Jul 23:30Z is Saturday in London, so counting starts on Mon 6 Jul.
    assert.equal(deadline('2026-07-03T23:30:00Z', 0), `2026-07-06${BST_END}`);
    assert.equal(deadline('2026-07-03T22:30:00Z', 0), `2026-07-03${BST_END}`);
  });

  test('the weeks the clocks change', () => {
    // BST starts Sun 29 Mar 2026: Friday ends in GMT, Monday in BST.
    assert.equal(deadline('2026-03-27T12:00:00Z', 0), `2026-03-27${GMT_END}`);
    assert.equal(deadline('2026-03-27T12:00:00Z', 1), `2026-03-30${BST_END}`);
    // BST ends Sun 25 Oct 2026: Friday ends in BST, Monday in GMT.
    assert.equal(deadline('2026-10-23T12:00:00Z', 0), `2026-10-23${BST_END}`);
    assert.equal(deadline('2026-10-23T12:00:00Z', 1), `2026-10-26${GMT_END}`);
    // The end of the change days themselves.
    assert.equal(endOfLondonDay('2026-03-29').toISOString(), `2026-03-29${BST_END}`);
    assert.equal(endOfLondonDay('2026-10-25').toISOString(), `2026-10-25${GMT_END}`);
    assert.equal(endOfLondonDay('2026-03-28').toISOString(), `2026-03-28${GMT_END}`);
    assert.equal(endOfLondonDay('2026-10-24').toISOString(), `2026-10-24${BST_END}`);
  });

  test('every deadline is the last millisecond of a London working day', () => {
    for (let day = 0; day < 800; day += 1) {
      const start = new Date(Date.UTC(2026, 0, 1, 7 + (day % 17)) + day * 86_400_000);
      for (const days of [0, 1, 3, 10]) {
        const due = calendar.addWorkingDays(start, days);
        assert.equal(calendar.isWorkingDay(due), true);
        assert.notEqual(londonDate(due), londonDate(new Date(due.getTime() + 1)));
        const expected = calendar.isWorkingDay(start) ? days : days + 1;
        assert.equal(calendar.workingDaysBetween(start, due), expected, start.toISOString());
      }
    }
  });

  test('rejects a negative or fractional number of days and invalid starts', () => {
    const start = new Date('2026-06-12T10:00:00Z');
    assert.throws(() => calendar.addWorkingDays(start, -1), RangeError);
    assert.throws(() => calendar.addWorkingDays(start, 1.5), RangeError);
    assert.throws(() => calendar.addWorkingDays(start, Number.NaN), RangeError);
    assert.throws(() => calendar.addWorkingDays(new Date('nope'), 1), RangeError);
  });
});

describe('workingDaysBetween', () => {
  test('received Fri 16:00, answered Mon 09:00 is one working day', () => {
    assert.equal(between('2026-06-12T15:00:00Z', '2026-06-15T08:00:00Z'), 1);
  });

  test('the same day is 0, and an end before the start is never negative', () => {
    assert.equal(between('2026-06-15T08:00:00Z', '2026-06-15T16:00:00Z'), 0);
    assert.equal(between('2026-06-15T08:00:00Z', '2026-06-15T08:00:00Z'), 0);
    assert.equal(between('2026-06-16T08:00:00Z', '2026-06-15T08:00:00Z'), 0);
    assert.equal(between('2026-06-19T08:00:00Z', '2026-06-12T08:00:00Z'), 0);
  });

  test('across a bank-holiday weekend', () => {
    // Fri 22 May 2026 16:00 BST to Tue 26 May 09:00 BST: only Tue 26 counts.
    assert.equal(between('2026-05-22T15:00:00Z', '2026-05-26T08:00:00Z'), 1);
    assert.equal(between('2026-05-22T15:00:00Z', '2026-05-25T16:00:00Z'), 0);
    // Fri 28 May 2027 to Tue 1 Jun 2027 across the late-May bank holiday.
    assert.equal(between('2027-05-28T15:00:00Z', '2027-06-01T08:00:00Z'), 1);
    // Thu 25 Mar 2027 to Thu 1 Apr 2027 across Easter: Tue 30, Wed 31, Thu 1.
    assert.equal(between('2027-03-25T15:00:00Z', '2027-04-01T08:00:00Z'), 3);
  });

  test('across Christmas and New Year 2026', () => {
    assert.equal(between('2026-12-24T09:00:00Z', '2026-12-29T09:00:00Z'), 1);
    assert.equal(between('2026-12-24T09:00:00Z', '2026-12-31T09:00:00Z'), 3);
    assert.equal(between('2026-12-24T09:00:00Z', '2027-01-04T09:00:00Z'), 4);
  });

  test('counts London days, across the clock changes', () => {
    // Fri 27 Mar 2026 16:00 GMT to Mon 30 Mar 09:00 BST.
    assert.equal(between('2026-03-27T16:00:00Z', '2026-03-30T08:00:00Z'), 1);
    // Fri 23 Oct 2026 16:00 BST to Mon 26 Oct 09:00 GMT.
    assert.equal(between('2026-10-23T15:00:00Z', '2026-10-26T09:00:00Z'), 1);
    // Tue 30 Jun 2026 22:30 UTC (23:30 BST) to 23:30 UTC (Wed 1 Jul 00:30 BST): a new day.
    assert.equal(between('2026-06-30T22:30:00Z', '2026-06-30T23:30:00Z'), 1);
  });
});
