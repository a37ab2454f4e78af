import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  add,
  andInto,
  complementInto,
  count,
  countBoth,
  countRange,
  emptySet,
  has,
  orInto,
  rangeSet,
} from './bitset.js';

const members = (set: Uint32Array, size: number) =>
  Array.from({ length: size }, (_, i) => i).filter((i) => has(set, i));

test('a range set holds exactly the persons from its start up to but not including its end', () => {
  for (const [from, to] of [
    [0, 0],
    [0, 1],
    [3, 29],
    [31, 33],
    [0, 64],
    [5, 70],
    [64, 70],
  ] as const) {
    const set = rangeSet(70, from, to);
    assert.deepEqual(
      members(set, 70),
      Array.from({ length: to - from }, (_, i) => from + i),
      `${from}..${to}`,
    );
    assert.equal(count(set), to - from);
  }
});

test('and, or and complement give the intersection, union and the rest of the population', () => {
  const size = 70;
  const a = emptySet(size);
  const b = emptySet(size);
  [1, 5, 40, 69].forEach((i) => add(a, i));
  [5, 6, 40, 41].forEach((i) => add(b, i));
  assert.deepEqual(members(andInto(a.slice(), b), size), [5, 40]);
  assert.deepEqual(members(orInto(a.slice(), b), size), [1, 5, 6, 40, 41, 69]);
  const rest = complementInto(a.slice(), size);
  assert.equal(count(rest), size - 4);
  assert.equal(has(rest, 69), false);
  assert.equal(has(rest, 68), true);
  assert.equal(countBoth(a, b), 2);
});

test('counting a range counts only the members inside it', () => {
  const set = emptySet(100);
  [0, 31, 32, 63, 64, 99].forEach((i) => add(set, i));
  assert.equal(countRange(set, 0, 100), 6);
  assert.equal(countRange(set, 1, 64), 3);
  assert.equal(countRange(set, 31, 32), 1);
  assert.equal(countRange(set, 65, 99), 0);
  assert.equal(countRange(set, 50, 50), 0);
});
