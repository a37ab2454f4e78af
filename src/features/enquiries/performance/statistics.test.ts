import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  median,
  ninetiethPercentile,
  percentile,
  percentText,
  shareOf,
  summarise,
} from './statistics.js';

describe('nearest-rank statistics', () => {
  test('median of known lists: odd count, even count (lower middle), unsorted input', () => {
    assert.equal(median([1, 2, 3]), 2);
    assert.equal(median([1, 2, 3, 4]), 2);
    assert.equal(median([9, 1, 5, 3, 7]), 5);
    assert.equal(median([4, 4, 4, 10]), 4);
    assert.equal(median([0, 0, 7, 12, 12, 30]), 7);
  });

  test('90th percentile of known lists', () => {
    assert.equal(ninetiethPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 9);
    assert.equal(ninetiethPercentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 11]), 10);
    assert.equal(ninetiethPercentile([2, 5]), 5);
    assert.equal(ninetiethPercentile([3, 1, 2]), 3);
    assert.equal(ninetiethPercentile(Array.from({ length: 20 }, (_, index) => index + 1)), 18);
  });

  test('an empty list has no median or percentile, and a single value is its own', () => {
    assert.equal(median([]), null);
    assert.equal(ninetiethPercentile([]), null);
    assert.equal(median([6]), 6);
    assert.equal(ninetiethPercentile([6]), 6);
    assert.equal(percentile([6], 1), 6);
    assert.equal(percentile([6], 100), 6);
  });

  test('the input is not reordered, non-finite values are ignored, p outside (0, 100] is refused', () => {
    const values = [3, 1, 2];
    median(values);
    assert.deepEqual(values, [3, 1, 2]);
    assert.equal(median([Number.NaN, 4, Number.POSITIVE_INFINITY]), 4);
    assert.throws(() => percentile([1], 0), RangeError);
    assert.throws(() => percentile([1], 101), RangeError);
  });

  test('summaries and shares never divide by zero', () => {
    assert.deepEqual(summarise([]), { n: 0, median: null, p90: null });
    assert.deepEqual(summarise([2, 0, 5]), { n: 3, median: 2, p90: 5 });
    assert.deepEqual(shareOf(0, 0), { count: 0, total: 0, share: null });
    assert.equal(percentText(shareOf(0, 0)), null);
    assert.equal(percentText(shareOf(2, 3)), '67%');
    assert.equal(percentText(shareOf(3, 3)), '100%');
  });
});
