// Seeded random numbers and samplers for recruitment simulated from the Poisson-Gamma model.
// The tests use them to check the forecast against the truth; the same seed always gives the
// same draws, so every simulated study is reproducible.
import { lnGamma } from './poisson-gamma.js';

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/** sfc32 (Chris Doty-Humphrey's small fast counting generator), seeded through splitmix32. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let counter = 1;
  const next = () => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  // 53 random bits from two draws.
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

/** A standard normal draw (Box-Muller; one of the pair is discarded to keep it stateless). */
export function sampleStandardNormal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Gamma(shape, rate) draw: Marsaglia and Tsang's method, boosted for shapes below 1. */
export function sampleGamma(random: Random, shape: number, rate: number): number {
  if (!(shape > 0) || !(rate > 0)) throw new RangeError('shape and rate must be positive');
  if (shape < 1) {
    const boosted = sampleGamma(random, shape + 1, 1);
    return (boosted * (1 - random()) ** (1 / shape)) / rate;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = sampleStandardNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}

/** A Poisson(mean) draw: multiplication of uniforms for small means, Hörmann's PTRS above. */
export function samplePoisson(random: Random, mean: number): number {
  if (!(mean >= 0)) throw new RangeError('mean must be non-negative');
  if (mean === 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = random();
    while (product > limit) {
      k++;
      product *= random();
    }
    return k;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <=
      -mean + k * logMean - lnGamma(k + 1)
    ) {
      return k;
    }
  }
}

/** A site in a simulation, with its true rate; times are days from the forecast's start. */
export interface SimulatedSite {
  /** Participants per day. */
  rate: number;
  /** When the site starts recruiting (0 or less: already recruiting). */
  opensAt: number;
  /** When it stops, if it does. */
  closesAt?: number;
}

/**
 * The time, in days from 0, at which the sites together recruit their `count`-th participant,
 * or undefined if that does not happen before `limit`. Arrivals from the pooled sites form a
 * Poisson process whose rate changes only when a site opens or closes, so waiting times are
 * exponential between those moments (and memoryless across them).
 */
export function simulateCompletionTime(
  random: Random,
  sites: readonly SimulatedSite[],
  count: number,
  limit: number,
): number | undefined {
  if (count <= 0) return 0;
  const changes = [
    ...new Set(
      sites.flatMap((s) => [s.opensAt, s.closesAt ?? Infinity]).filter((t) => t > 0 && t < limit),
    ),
  ].sort((x, y) => x - y);
  const pooledRate = (t: number) =>
    sites.reduce(
      (sum, s) => (s.opensAt <= t && t < (s.closesAt ?? Infinity) ? sum + s.rate : sum),
      0,
    );
  let t = 0;
  let recruited = 0;
  let nextChange = 0;
  let rate = pooledRate(0);
  for (;;) {
    const boundary = changes[nextChange] ?? limit;
    const wait = rate > 0 ? -Math.log(1 - random()) / rate : Infinity;
    if (t + wait < boundary) {
      t += wait;
      recruited++;
      if (recruited >= count) return t;
      continue;
    }
    if (boundary >= limit) return undefined;
    t = boundary;
    nextChange++;
    rate = pooledRate(t);
  }
}

/** Daily counts for a site recruiting at `rate` per day over `days` days. */
export function simulateDailyCounts(random: Random, rate: number, days: number): number[] {
  return Array.from({ length: days }, () => samplePoisson(random, rate));
}
