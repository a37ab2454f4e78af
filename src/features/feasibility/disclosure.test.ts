import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protectCount } from './disclosure.js';

test('0 stays 0, unsuppressed', () => {
  assert.deepEqual(protectCount(0), { value: 0, suppressed: false });
});

test('every count from 1 to 7 is suppressed', () => {
  for (let raw = 1; raw <= 7; raw += 1) {
    assert.deepEqual(protectCount(raw), { value: null, suppressed: true }, String(raw));
  }
});

test('counts from 8 up are rounded to the nearest 5, halves up', () => {
  const expected: [number, number][] = [
    [8, 10],
    [9, 10],
    [10, 10],
    [12, 10],
    [13, 15],
    [17, 15],
    [18, 20],
    [1_234_567, 1_234_565],
    [1_234_568, 1_234_570],
  ];
  for (const [raw, shown] of expected) {
    assert.deepEqual(protectCount(raw), { value: shown, suppressed: false }, String(raw));
  }
});

test('no protected count is ever within 2 of a small true count', () => {
  for (let raw = 8; raw <= 1000; raw += 1) {
    const shown = protectCount(raw).value;
    assert.ok(shown !== null && shown % 5 === 0 && Math.abs(shown - raw) <= 2, String(raw));
  }
});

test('negative, fractional and non-finite counts are refused', () => {
  for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => protectCount(bad), RangeError);
  }
});
