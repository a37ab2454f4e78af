/** Dates as the enquirer reads them: London calendar days, whatever the server's time zone. */

const day = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dayWithWeekday = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const time = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "7 May 2026" */
export const londonDay = (date: Date) => day.format(date);

/** "Thursday 7 May 2026" */
export const londonDayWithWeekday = (date: Date) => dayWithWeekday.format(date).replace(',', '');

/** "7 May 2026 at 2:05pm" */
export const londonDayAndTime = (date: Date) =>
  `${day.format(date)} at ${time.format(date).replace(/\s/g, '').toLowerCase()}`;
