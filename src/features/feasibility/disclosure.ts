/**
 * Disclosure control, as NHS England applies it to hospital statistics: a count of 0 stays 0,
 * counts from 1 to 7 are suppressed, and every other count is rounded to the nearest 5. Every
 * count that leaves the feasibility engine goes through `protectCount`, so no response or export
 * can reveal a small number, or a small difference between two larger ones.
 */

/** The largest count that is suppressed. */
export const largestSuppressedCount = 7;
/** Counts above the suppressed range are rounded to a multiple of this. */
export const roundingBase = 5;

export type ProtectedCount =
  { value: number; suppressed: false } | { value: null; suppressed: true };

export function protectCount(raw: number): ProtectedCount {
  if (!Number.isInteger(raw) || raw < 0) {
    throw new RangeError(`A count must be a whole number of 0 or more, not ${raw}`);
  }
  if (raw === 0) return { value: 0, suppressed: false };
  if (raw <= largestSuppressedCount) return { value: null, suppressed: true };
  // Halves round up (8 -> 10, 12 -> 10, 13 -> 15), the same for every count.
  return { value: Math.round(raw / roundingBase) * roundingBase, suppressed: false };
}
