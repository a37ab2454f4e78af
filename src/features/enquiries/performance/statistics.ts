/**
 * Summary statistics for the performance page, kept pure so they can be tested on known lists.
 *
 * Percentiles use the nearest-rank method: for n values sorted in ascending order, the p-th
 * percentile (0 < p <= 100) is the value at 1-based rank ceil(p / 100 × n). It is always one of
 * the values themselves (a whole number of working days here, never an interpolated 2.5), and:
 *
 * - the median is the 50th percentile, so with an even count it is the lower of the two middle
 *   values: the median of [1, 2, 3, 4] is 2;
 * - the 90th percentile of [1, 2, ..., 10] is 9 (rank 9); of a single value, that value;
 * - of an empty list there is no percentile: the result is null, never NaN or a division by zero.
 */

/** The p-th percentile (0 < p <= 100) of `values` by the nearest-rank method, or null if empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be above 0 and at most 100`);
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] ?? null;
}

/** The median by the nearest-rank method (the lower middle value of an even count). */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** The 90th percentile by the nearest-rank method. */
export function ninetiethPercentile(values: readonly number[]): number | null {
  return percentile(values, 90);
}

/** A count out of a total: `share` is null when the total is 0, never a division by zero. */
export interface Share {
  count: number;
  total: number;
  /** count / total, or null when total is 0. */
  share: number | null;
}

export function shareOf(count: number, total: number): Share {
  return { count, total, share: total > 0 ? count / total : null };
}

/** A share as a whole percentage for reading ("67%"), or null when there is nothing to share. */
export function percentText(share: Share): string | null {
  return share.share === null ? null : `${Math.round(share.share * 100)}%`;
}

/** The summary of a list of durations: how many, the median and the 90th percentile. */
export interface DurationSummary {
  n: number;
  median: number | null;
  p90: number | null;
}

export function summarise(values: readonly number[]): DurationSummary {
  return { n: values.length, median: median(values), p90: ninetiethPercentile(values) };
}
