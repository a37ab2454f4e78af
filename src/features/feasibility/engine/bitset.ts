// Dense sets of persons as bits: person i is bit (i & 31) of word (i >>> 5). At 10 million
// persons one set is 1.25 MB, so a whole set operation is a fast pass over cache-friendly memory.

export type Bitset = Uint32Array;

export const wordsFor = (size: number) => (size + 31) >>> 5;

export const emptySet = (size: number): Bitset => new Uint32Array(wordsFor(size));

/** Every person from `from` (inclusive) to `to` (exclusive). */
export function rangeSet(size: number, from: number, to: number): Bitset {
  const set = emptySet(size);
  if (to <= from) return set;
  const first = from >>> 5;
  const last = (to - 1) >>> 5;
  const head = ~0 << (from & 31);
  const tail = ~0 >>> (31 - ((to - 1) & 31));
  if (first === last) {
    set[first] = head & tail;
    return set;
  }
  set[first] = head;
  set.fill(~0, first + 1, last);
  set[last] = tail;
  return set;
}

export function andInto(target: Bitset, other: Bitset): Bitset {
  for (let i = 0; i < target.length; i += 1)
    target[i] = (target[i] as number) & (other[i] as number);
  return target;
}

export function orInto(target: Bitset, other: Bitset): Bitset {
  for (let i = 0; i < target.length; i += 1)
    target[i] = (target[i] as number) | (other[i] as number);
  return target;
}

/** The persons not in the set, among the `size` persons there are. */
export function complementInto(target: Bitset, size: number): Bitset {
  for (let i = 0; i < target.length; i += 1) target[i] = ~(target[i] as number);
  const spare = target.length * 32 - size;
  if (spare > 0) target[target.length - 1] = (target[target.length - 1] as number) & (~0 >>> spare);
  return target;
}

const bitsIn = (word: number) => {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

export function count(set: Bitset): number {
  let total = 0;
  for (let i = 0; i < set.length; i += 1) total += bitsIn(set[i] as number);
  return total;
}

/** How many persons are in both sets, without making their intersection. */
export function countBoth(a: Bitset, b: Bitset): number {
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += bitsIn((a[i] as number) & (b[i] as number));
  return total;
}

/** How many persons from `from` (inclusive) to `to` (exclusive) are in the set. */
export function countRange(set: Bitset, from: number, to: number): number {
  if (to <= from) return 0;
  const first = from >>> 5;
  const last = (to - 1) >>> 5;
  const head = ~0 << (from & 31);
  const tail = ~0 >>> (31 - ((to - 1) & 31));
  if (first === last) return bitsIn((set[first] as number) & head & tail);
  let total = bitsIn((set[first] as number) & head) + bitsIn((set[last] as number) & tail);
  for (let i = first + 1; i < last; i += 1) total += bitsIn(set[i] as number);
  return total;
}

export const add = (set: Bitset, person: number) => {
  set[person >>> 5] = (set[person >>> 5] as number) | (1 << (person & 31));
};

export const has = (set: Bitset, person: number) =>
  ((set[person >>> 5] as number) & (1 << (person & 31))) !== 0;
