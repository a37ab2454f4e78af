// Calibration tables computed once in JavaScript (a few thousand numbers); the rows themselves are
// all generated in SQL.
import {
  AGE_BANDS,
  CONDITIONS,
  EMERGENCY_RATE,
  INPATIENT_RATE,
  MAX_AGE,
  MULTIMORBIDITY_TARGETS,
  OUTPATIENT_RATE,
  femaleShare,
  shapeAt,
} from './vocabulary.js';

/** Expected share of the population at each single year of age 0..MAX_AGE, as generated. */
export function ageDistribution(): number[] {
  const total = AGE_BANDS.reduce((sum, band) => sum + band.share, 0);
  const shares = new Array<number>(MAX_AGE + 1).fill(0);
  for (const band of AGE_BANDS) {
    for (let j = 0; j < band.width; j++) {
      // The last band is skewed: age = lo + floor(width * r^2.5).
      const within =
        band.lo === 90
          ? Math.pow((j + 1) / band.width, 0.4) - Math.pow(j / band.width, 0.4)
          : 1 / band.width;
      shares[band.lo + j] = (shares[band.lo + j] ?? 0) + (band.share / total) * within;
    }
  }
  return shares;
}

/** Un-scaled shape of multimorbidity by age (share with 2+ conditions). */
function baseMultimorbidity(age: number): number {
  const points: [number, number][] = [
    [0, 0.01],
    [10, 0.02],
    [20, 0.04],
    [30, 0.07],
    [40, 0.12],
    [50, 0.21],
    [60, 0.36],
    [65, 0.5],
    [70, 0.59],
    [75, 0.67],
    [80, 0.74],
    [85, 0.79],
    [90, 0.83],
    [101, 0.87],
  ];
  for (let i = 1; i < points.length; i++) {
    const [a0, v0] = points[i - 1] as [number, number];
    const [a1, v1] = points[i] as [number, number];
    if (age <= a1) return v0 + ((v1 - v0) * (age - a0)) / (a1 - a0);
  }
  return 0.87;
}

/** Target share with 2+ conditions at each age, scaled so the three published targets are met. */
export function multimorbidityTargetByAge(): number[] {
  const dist = ageDistribution();
  const bandMean = (lo: number, hi: number) => {
    let w = 0;
    let s = 0;
    for (let a = lo; a <= hi; a++) {
      w += dist[a] ?? 0;
      s += (dist[a] ?? 0) * baseMultimorbidity(a);
    }
    return { w, s };
  };
  const old = bandMean(65, 84);
  const oldest = bandMean(85, MAX_AGE);
  const young = bandMean(0, 64);
  const fOld = MULTIMORBIDITY_TARGETS.age65to84 / (old.s / old.w);
  const fOldest = MULTIMORBIDITY_TARGETS.age85plus / (oldest.s / oldest.w);
  const remaining =
    MULTIMORBIDITY_TARGETS.overall -
    MULTIMORBIDITY_TARGETS.age65to84 * old.w -
    MULTIMORBIDITY_TARGETS.age85plus * oldest.w;
  const fYoung = remaining / young.s;
  return Array.from({ length: MAX_AGE + 1 }, (_, age) => {
    const f = age < 65 ? fYoung : age < 85 ? fOld : fOldest;
    return Math.min(0.95, baseMultimorbidity(age) * f);
  });
}

const CAP = 0.92;

function atLeastTwo(probs: number[]): number {
  let p0 = 1;
  let ratio = 0;
  for (const p of probs) {
    p0 *= 1 - p;
    ratio += p / (1 - p);
  }
  return 1 - p0 - p0 * ratio;
}

/** Probability of each condition at each (age, sex): rows [conditionIndex, age, female, p]. */
export function conditionProbabilities(): [number, number, number, number][] {
  const targets = multimorbidityTargetByAge();
  const rows: [number, number, number, number][] = [];
  for (let age = 0; age <= MAX_AGE; age++) {
    for (const female of [0, 1]) {
      const raw = CONDITIONS.map(
        (c) =>
          (c.weight / 100) * shapeAt(c.shape, age) * (female ? (c.female ?? 1) : (c.male ?? 1)),
      );
      const probsFor = (k: number) => raw.map((r) => Math.min(CAP, r * k));
      const target = targets[age] ?? 0;
      let lo = 0;
      let hi = 1;
      while (atLeastTwo(probsFor(hi)) < target && hi < 1e6) hi *= 2;
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (atLeastTwo(probsFor(mid)) < target) lo = mid;
        else hi = mid;
      }
      probsFor(hi).forEach((p, index) => {
        if (p > 0) rows.push([index, age, female, p]);
      });
    }
  }
  return rows;
}

const inpatientFactor = (age: number, female: boolean) => {
  if (age === 0) return 2.0;
  if (age < 5) return 0.6;
  if (age < 16) return 0.35;
  if (age < 45) return female && age >= 18 && age < 40 ? 1.0 : 0.55;
  if (age < 65) return 0.9;
  if (age < 75) return 1.7;
  if (age < 85) return 2.6;
  return 3.5;
};
const emergencyFactor = (age: number) =>
  age < 5 ? 1.3 : age < 16 ? 0.7 : age < 25 ? 1.1 : age < 65 ? 0.9 : age < 80 ? 1.2 : 2.0;
const outpatientFactor = (age: number) =>
  age < 16 ? 0.5 : age < 45 ? 0.8 : age < 65 ? 1.1 : age < 85 ? 1.6 : 1.4;

/** Expected visits per person-year by (age, sex): rows [age, female, inpatient, outpatient, ED]. */
export function visitRates(): [number, number, number, number, number][] {
  const dist = ageDistribution();
  let ip = 0;
  let op = 0;
  let ed = 0;
  dist.forEach((share, age) => {
    const f = femaleShare(age);
    ip += share * (f * inpatientFactor(age, true) + (1 - f) * inpatientFactor(age, false));
    op += share * outpatientFactor(age);
    ed += share * emergencyFactor(age);
  });
  const rows: [number, number, number, number, number][] = [];
  for (let age = 0; age <= MAX_AGE; age++) {
    for (const female of [0, 1]) {
      rows.push([
        age,
        female,
        (INPATIENT_RATE * inpatientFactor(age, female === 1)) / ip,
        (OUTPATIENT_RATE * outpatientFactor(age)) / op,
        (EMERGENCY_RATE * emergencyFactor(age)) / ed,
      ]);
    }
  }
  return rows;
}
