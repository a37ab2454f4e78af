import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dayNumber,
  fitPrior,
  forecast,
  isoDate,
  type ForecastInput,
  type SiteRecruitment,
} from './forecast.js';
import { gammaQuantile, negativeBinomialPmf } from './poisson-gamma.js';
import {
  sampleGamma,
  samplePoisson,
  seededRandom,
  simulateCompletionTime,
  type SimulatedSite,
} from './simulate.js';

const TODAY = '2026-04-11';
/** The ISO date `offset` days from TODAY. */
const day = (offset: number) => isoDate(dayNumber(TODAY) + offset);
const daysFromToday = (iso: string | null) =>
  iso === null ? NaN : dayNumber(iso) - dayNumber(TODAY);

test('a study recruiting exactly to plan is forecast to finish on its planned end', () => {
  // Plan: 0.5 participants per site per day, recruitment from day -100 to day 99 inclusive.
  // Nine sites opened on days -100, -90, ..., -20 and have recruited exactly 0.5 a day; a
  // tenth opens on day 20. The target is what the plan gives by day 99.
  const openings = [-100, -90, -80, -70, -60, -50, -40, -30, -20, 20];
  const sites: SiteRecruitment[] = openings.map((offset, i) =>
    offset < 0
      ? { id: `site-${i}`, openedOn: day(offset), recruited: -offset / 2 }
      : { id: `site-${i}`, plannedOpenOn: day(offset), recruited: 0 },
  );
  const target = openings.reduce((sum, offset) => sum + 0.5 * (100 - offset), 0);
  const result = forecast({ today: TODAY, target, plannedEnd: day(99), sites });

  assert.equal(result.status, 'forecast');
  assert.equal(result.prior.method, 'maximum-likelihood');
  assert.equal(result.prior.alphaAtBound, 'upper'); // identical rates: no spread between sites
  assert.ok(Math.abs(result.prior.meanRate - 0.5) < 1e-9);
  // Remaining 490 at 4.5 then 5 a day. Poisson noise gives a 10-90% spread of about ±6 days,
  // and 270 recruits pin the common rate to about ±6%, another ±6 days; the median must land
  // within 3 days of the plan and the chance near a half.
  const late = daysFromToday(result.completion.p50) - 99;
  assert.ok(Math.abs(late) <= 3, `median ${result.completion.p50}, plan ${day(99)}`);
  assert.ok(Math.abs((result.completion.expectedDays ?? 0) - 100) <= 3);
  assert.ok(
    result.probabilityByPlannedEnd > 0.35 && result.probabilityByPlannedEnd < 0.65,
    `P(by plan) ${result.probabilityByPlannedEnd}`,
  );
  const p10 = daysFromToday(result.completion.p10);
  const p90 = daysFromToday(result.completion.p90);
  assert.ok(p10 < 99 && p90 > 99 && p90 - p10 <= 25, `${p10}..${p90}`);
});

test('the percentile dates agree with the probability of finishing by a date', () => {
  const input: ForecastInput = {
    today: TODAY,
    target: 400,
    plannedEnd: day(60),
    sites: [
      { id: 'a', openedOn: day(-90), recruited: 60 },
      { id: 'b', openedOn: day(-60), recruited: 15 },
      { id: 'c', openedOn: day(-30), recruited: 22 },
      { id: 'd', plannedOpenOn: day(30), recruited: 0 },
    ],
  };
  const result = forecast(input);
  for (const p of ['p10', 'p50', 'p90'] as const) {
    const date = result.completion[p];
    assert.ok(date !== null);
    const level = Number(p.slice(1)) / 100;
    const onDate = forecast({ ...input, plannedEnd: date }).probabilityByPlannedEnd;
    const dayBefore = forecast({ ...input, plannedEnd: day(daysFromToday(date) - 1) });
    assert.ok(onDate >= level, `${p}: P(by ${date}) = ${onDate}`);
    assert.ok(dayBefore.probabilityByPlannedEnd < level, `${p}: the day before is already enough`);
  }
  const { p10, p50, p90, expected } = result.completion;
  assert.ok(p10 !== null && p50 !== null && p90 !== null && expected !== null);
  assert.ok(p10 <= p50 && p50 <= p90 && p10 <= expected && expected <= p90);
});

test('a study at or over its target is complete', () => {
  const result = forecast({
    today: TODAY,
    target: 100,
    plannedEnd: day(30),
    sites: [
      { id: 'a', openedOn: day(-100), recruited: 70 },
      { id: 'b', openedOn: day(-100), recruited: 35 },
    ],
  });
  assert.equal(result.status, 'target-met');
  assert.equal(result.remaining, 0);
  assert.equal(result.recruited, 105);
  assert.equal(result.probabilityByPlannedEnd, 1);
  assert.equal(result.completion.p50, null);
  assert.equal(result.extraSites.needed, 0);
});

test('with no site open yet the planned rate sets the prior and nothing is recruited before opening', () => {
  // Six sites all opening on day 14 and a plan of 120 days to 360 participants: 0.5 a day each.
  const sites = Array.from({ length: 6 }, (_, i) => ({
    id: `site-${i}`,
    plannedOpenOn: day(14),
    recruited: 0,
  }));
  const result = forecast({ today: TODAY, target: 360, plannedEnd: day(133), sites });
  assert.equal(result.prior.method, 'planned-rate-prior');
  assert.ok(Math.abs(result.prior.meanRate - 0.5) < 1e-12);
  assert.equal(result.prior.alpha, 2);
  assert.equal(result.priorNodes.length, 1);
  for (const site of result.sites) {
    assert.equal(site.status, 'not-yet-open');
    assert.equal(site.recruitsFrom, day(14));
    assert.ok(
      Math.abs(site.rateInterval80.lower - gammaQuantile(0.1, { shape: 2, rate: 4 })) < 1e-12,
    );
  }
  assert.ok(daysFromToday(result.completion.p10) > 14);
  // Six prior-only sites opening together recruit NB(shape 12, rate 4) over their 120 days.
  let below = 0;
  for (let k = 0; k < 360; k++)
    below += negativeBinomialPmf(k, { shape: 12, rate: 4, exposure: 120 });
  assert.ok(Math.abs(result.probabilityByPlannedEnd - (1 - below)) < 1e-9);
  assert.ok(result.probabilityByPlannedEnd > 0.3 && result.probabilityByPlannedEnd < 0.6);
  assert.ok(result.notes.some((note) => note.includes('fewer than 2 sites')));
});

test('a single open site falls back to the planned prior and updates it with its own data', () => {
  const result = forecast({
    today: TODAY,
    target: 200,
    plannedEnd: day(200),
    plannedRatePerSite: 0.5,
    sites: [{ id: 'only', openedOn: day(-50), recruited: 40 }],
  });
  assert.equal(result.prior.method, 'planned-rate-prior');
  const [site] = result.sites;
  assert.ok(site);
  assert.deepEqual(site.posteriorAtFittedPrior, { shape: 42, rate: 54 });
  assert.ok(Math.abs(site.meanRate - 42 / 54) < 1e-12);
  assert.ok(
    Math.abs(site.rateInterval80.upper - gammaQuantile(0.9, { shape: 42, rate: 54 })) < 1e-12,
  );
  // 160 more at about 0.78 a day: roughly 206 days.
  assert.ok(Math.abs(daysFromToday(result.completion.p50) - 206) < 15);
});

test('sites open for weeks with nobody recruited pull the forecast later than the plan', () => {
  const base = { today: TODAY, target: 150, plannedEnd: day(99), plannedRatePerSite: 0.5 };
  const idle = forecast({
    ...base,
    sites: ['a', 'b', 'c'].map((id) => ({ id, openedOn: day(-60), recruited: 0 })),
  });
  const fresh = forecast({
    ...base,
    sites: ['a', 'b', 'c'].map((id) => ({ id, openedOn: TODAY, recruited: 0 })),
  });
  assert.equal(idle.prior.method, 'planned-rate-prior');
  assert.match(idle.prior.reason, /nobody has been recruited/);
  for (const site of idle.sites) assert.ok(Math.abs(site.meanRate - 2 / 64) < 1e-12);
  assert.equal(fresh.prior.sitesUsed, 0); // opened today: no days open, nothing to fit
  assert.ok(daysFromToday(idle.completion.p50) > daysFromToday(fresh.completion.p50) + 100);
  assert.ok(idle.probabilityByPlannedEnd < fresh.probabilityByPlannedEnd);
});

/** A study of 12 sites opened 100 days ago recruiting 0.4 a day, plan 0.5. */
function studyAt(ratePerDay: number, target: number, extra: Partial<ForecastInput> = {}) {
  const random = seededRandom(11);
  const sites = Array.from({ length: 12 }, (_, i) => ({
    id: `site-${i}`,
    openedOn: day(-100),
    recruited: samplePoisson(random, sampleGamma(random, 4, 4 / ratePerDay) * 100),
  }));
  return { today: TODAY, target, plannedEnd: day(99), sites, ...extra } satisfies ForecastInput;
}

test('no extra sites are needed when the study is on track', () => {
  const result = forecast(studyAt(0.6, 1000));
  assert.ok(result.probabilityByPlannedEnd >= 0.8, `${result.probabilityByPlannedEnd}`);
  assert.equal(result.extraSites.needed, 0);
  assert.equal(result.extraSites.reachable, true);
});

test('a late study is told how many extra sites give an 80% chance, and that number does', () => {
  const input = studyAt(0.4, 1300, { extraSiteLagDays: 14 });
  const result = forecast(input);
  const needed = result.extraSites.needed;
  assert.ok(needed !== null && needed > 0, `needed ${needed}`);
  assert.ok(result.probabilityByPlannedEnd < 0.8);
  assert.equal(result.extraSites.opensOn, day(14));
  // The same sites added as planned openings, with no data, must give the same chance.
  const withSites = (count: number) =>
    forecast({
      ...input,
      sites: [
        ...input.sites,
        ...Array.from({ length: count }, (_, i) => ({
          id: `extra-${i}`,
          plannedOpenOn: day(14),
          recruited: 0,
        })),
      ],
    }).probabilityByPlannedEnd;
  const enough = withSites(needed);
  assert.ok(Math.abs(enough - result.extraSites.probabilityWithExtraSites) < 1e-9);
  assert.ok(enough >= 0.8);
  assert.ok(withSites(needed - 1) < 0.8);
  // A longer set-up lag needs at least as many sites.
  const later = forecast({ ...input, extraSiteLagDays: 45 }).extraSites.needed;
  assert.ok(later === null || later >= needed);
});

test('extra sites are reported as not reachable when no number of them is enough', () => {
  const result = forecast(studyAt(0.4, 5000, { plannedEnd: day(2), maxExtraSites: 200 }));
  assert.equal(result.extraSites.needed, null);
  assert.equal(result.extraSites.reachable, false);
  assert.ok(result.notes.some((note) => note.includes('200 extra sites')));
});

test('a study whose sites have all closed never completes', () => {
  const result = forecast({
    today: TODAY,
    target: 500,
    plannedEnd: day(100),
    sites: [
      { id: 'a', openedOn: day(-200), closedOn: day(-10), recruited: 80 },
      { id: 'b', openedOn: day(-150), closedOn: day(-1), recruited: 60 },
      { id: 'c', recruited: 0 }, // withdrawn: never opens
    ],
  });
  assert.equal(result.status, 'no-future-recruitment');
  assert.equal(result.probabilityByPlannedEnd, 0);
  assert.equal(result.completion.probabilityWithinHorizon, 0);
  assert.deepEqual(
    [
      result.completion.p10,
      result.completion.p50,
      result.completion.p90,
      result.completion.expected,
    ],
    [null, null, null, null],
  );
  assert.deepEqual(
    result.sites.map((s) => s.status),
    ['closed', 'closed', 'not-planned'],
  );
  assert.equal(result.prior.method, 'maximum-likelihood'); // closed sites still inform the fit
});

test('a site closing soon stops counting on its closing date', () => {
  const sites = [
    { id: 'a', openedOn: day(-100), recruited: 50 },
    { id: 'b', openedOn: day(-100), recruited: 50, closedOn: day(10) },
  ];
  const closing = forecast({ today: TODAY, target: 200, plannedEnd: day(99), sites });
  const open = forecast({
    today: TODAY,
    target: 200,
    plannedEnd: day(99),
    sites: sites.map(({ id, openedOn, recruited }) => ({ id, openedOn, recruited })),
  });
  assert.equal(closing.sites[1]?.recruitsUntil, day(9));
  assert.ok(daysFromToday(closing.completion.p50) > daysFromToday(open.completion.p50) + 50);
});

test('dates beyond the horizon are null and say so', () => {
  const result = forecast({
    today: TODAY,
    target: 400,
    plannedEnd: day(100),
    horizonDays: 365,
    sites: [
      { id: 'a', openedOn: day(-100), recruited: 50 },
      { id: 'b', openedOn: day(-100), recruited: 70 },
    ],
  });
  // About 1.2 a day: 280 more needs about 233 days, so the whole forecast fits in a year...
  assert.ok(result.completion.p90 !== null);
  const slow = forecast({
    today: TODAY,
    target: 400,
    plannedEnd: day(100),
    horizonDays: 365,
    sites: [
      { id: 'a', openedOn: day(-100), recruited: 2 },
      { id: 'b', openedOn: day(-100), recruited: 1 },
    ],
  });
  // ...but at 0.03 a day it does not.
  assert.equal(slow.completion.p90, null);
  assert.equal(slow.completion.expected, null);
  assert.ok(slow.notes.some((note) => note.includes('90th percentile is beyond the horizon')));
});

test('input that makes no sense is refused with a reason', () => {
  const base = { today: TODAY, target: 10, plannedEnd: day(10), sites: [] };
  assert.throws(() => forecast({ ...base, today: '2026-02-30' }), /today must be a date/);
  assert.throws(() => forecast({ ...base, target: 0 }), /target/);
  assert.throws(
    () =>
      forecast({
        ...base,
        sites: [
          { id: 'a', recruited: 0 },
          { id: 'a', recruited: 0 },
        ],
      }),
    /unique/,
  );
  assert.throws(
    () => forecast({ ...base, sites: [{ id: 'a', recruited: 3 }] }),
    /has recruits but no opening date/,
  );
  assert.throws(
    () => forecast({ ...base, sites: [{ id: 'a', plannedOpenOn: day(3), recruited: 3 }] }),
    /has recruits but has not opened/,
  );
  assert.throws(
    () => forecast({ ...base, sites: [{ id: 'a', openedOn: day(-3), recruited: 1.5 }] }),
    /whole number/,
  );
  // Fallback needed but no way to know the planned rate.
  assert.throws(() => fitPrior([{ recruited: 1, daysOpen: 5 }]), /planned rate per site is needed/);
});

test('the exact forecast agrees with simulation from the same beliefs', () => {
  // Draw a prior node by its weight, each site's rate from its posterior under that node, and
  // run the sites forward; 20 000 runs give the chance by the planned end to about ±0.004.
  const input: ForecastInput = {
    today: TODAY,
    target: 420,
    plannedEnd: day(75),
    sites: [
      { id: 'a', openedOn: day(-120), recruited: 70 },
      { id: 'b', openedOn: day(-90), recruited: 31 },
      { id: 'c', openedOn: day(-60), recruited: 12 },
      { id: 'd', openedOn: day(-40), recruited: 25, closedOn: day(30) },
      { id: 'e', plannedOpenOn: day(20), recruited: 0 },
      { id: 'f', plannedOpenOn: day(45), recruited: 0 },
    ],
  };
  const result = forecast(input);
  assert.equal(result.priorNodes.length, 5);
  const remaining = result.remaining;
  const random = seededRandom(99);
  const runs = 20_000;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    let pick = random();
    const node = result.priorNodes.find((n) => (pick -= n.weight) < 0) ?? result.priorNodes[0];
    assert.ok(node);
    const sites: SimulatedSite[] = result.sites.map((site) => ({
      rate: sampleGamma(random, node.alpha + site.recruited, node.beta + site.daysOpen),
      opensAt: site.recruitsFrom === null ? Infinity : daysFromToday(site.recruitsFrom),
      closesAt: site.recruitsUntil === null ? Infinity : daysFromToday(site.recruitsUntil) + 1,
    }));
    times.push(simulateCompletionTime(random, sites, remaining, 7305) ?? Infinity);
  }
  const byPlan = times.filter((t) => t <= 76).length / runs;
  assert.ok(
    Math.abs(byPlan - result.probabilityByPlannedEnd) < 0.015,
    `simulated ${byPlan}, exact ${result.probabilityByPlannedEnd}`,
  );
  times.sort((x, y) => x - y);
  const medianDay = Math.ceil(times[runs / 2] ?? 0) - 1;
  assert.ok(Math.abs(medianDay - daysFromToday(result.completion.p50)) <= 1);
  const mean = times.reduce((sum, t) => sum + t, 0) / runs;
  assert.ok(Math.abs(mean - (result.completion.expectedDays ?? 0)) < 1, `mean ${mean}`);
});

test('the 80% interval holds the true completion date in about 80% of simulated studies', () => {
  // Each run draws a study from the model itself (α = 1.2, β = 4: mean 0.3 a day, CV 0.91):
  // 16 sites open 40-200 days with Poisson counts, 8 more opening in the next 0-90 days, 1500
  // still to recruit. The forecast sees only the counts and dates; the simulation then runs on
  // to the true completion date.
  //
  // With 300 runs the binomial standard error of an 80% coverage is √(0.8 × 0.2 / 300) = 2.3
  // points, so ±7 points is three standard errors: a calibrated forecast fails this about 0.3%
  // of the time (and the seed is fixed). Two small known biases sit inside that: whole-day
  // dates make the closed interval a little wider (the 10-90% spread is ~65 days, so under a
  // point), and the quadrature over (α, β) is an approximation. Trusting the fitted (α, β) as
  // if known (the 'plug-in' rule) covers only 67-70% here and fails this test. Estimating
  // (α, β) from 16 sites also makes the forecast a little pessimistic (mean completion ~3-8 of
  // ~230 days late, P(by plan) ~5 points low; both vanish with the true prior), which the
  // last tolerance below allows for.
  const runs = 300;
  const random = seededRandom(20070901);
  const today = dayNumber(TODAY);
  let inside = 0;
  let byMedian = 0;
  let predictedByPlan = 0;
  let observedByPlan = 0;
  for (let run = 0; run < runs; run++) {
    const sites: SiteRecruitment[] = [];
    const truth: SimulatedSite[] = [];
    for (let i = 0; i < 24; i++) {
      const rate = sampleGamma(random, 1.2, 4);
      if (i < 16) {
        const daysOpen = 40 + Math.floor(random() * 161);
        const recruited = samplePoisson(random, rate * daysOpen);
        sites.push({ id: `site-${i}`, openedOn: isoDate(today - daysOpen), recruited });
        truth.push({ rate, opensAt: 0 });
      } else {
        const opensAt = Math.floor(random() * 91);
        sites.push({ id: `site-${i}`, plannedOpenOn: isoDate(today + opensAt), recruited: 0 });
        truth.push({ rate, opensAt });
      }
    }
    const recruited = sites.reduce((sum, s) => sum + s.recruited, 0);
    const result = forecast({
      today: TODAY,
      target: recruited + 1500,
      plannedEnd: isoDate(today + 250),
      sites,
    });
    const tau = simulateCompletionTime(random, truth, 1500, 7305);
    const completedOn = tau === undefined ? '9999-12-31' : isoDate(today + Math.ceil(tau) - 1);
    const { p10, p50, p90 } = result.completion;
    if (p10 !== null && p90 !== null && p10 <= completedOn && completedOn <= p90) inside++;
    if (p50 !== null && completedOn <= p50) byMedian++;
    predictedByPlan += result.probabilityByPlannedEnd;
    if (completedOn <= isoDate(today + 250)) observedByPlan++;
  }
  const coverage = inside / runs;
  console.log(
    `calibration over ${runs} runs: 80% interval coverage ${coverage.toFixed(3)}, ` +
      `at or before the median ${(byMedian / runs).toFixed(3)}, ` +
      `P(by plan) predicted ${(predictedByPlan / runs).toFixed(3)} vs observed ${(observedByPlan / runs).toFixed(3)}`,
  );
  assert.ok(Math.abs(coverage - 0.8) <= 0.07, `coverage ${coverage}`);
  // Same reasoning: standard error 2.9 points at 50%, tolerance three of them.
  assert.ok(Math.abs(byMedian / runs - 0.5) <= 0.087, `median ${byMedian / runs}`);
  // The average predicted chance of finishing by the planned end matches the observed
  // frequency: standard error ~2.6 points at 70%, so 8 points is three of them (bias included).
  assert.ok(Math.abs(predictedByPlan - observedByPlan) / runs <= 0.08);
});

test('a 50-site study with a target of 2000 is forecast in well under 100 ms', () => {
  const random = seededRandom(5);
  const sites = Array.from({ length: 50 }, (_, i) => {
    const rate = sampleGamma(random, 1.5, 3);
    return i < 40
      ? {
          id: `site-${i}`,
          openedOn: day(-60 - i),
          recruited: samplePoisson(random, rate * (60 + i)),
        }
      : { id: `site-${i}`, plannedOpenOn: day(i - 30), recruited: 0 };
  });
  const input = { today: TODAY, target: 2000, plannedEnd: day(60), sites };
  forecast(input); // warm up the compiler
  const times = Array.from({ length: 5 }, () => {
    const start = performance.now();
    forecast(input);
    return performance.now() - start;
  }).sort((x, y) => x - y);
  const median = times[2] ?? Infinity;
  console.log(`50 sites, target 2000: median ${median.toFixed(1)} ms over 5 runs`);
  assert.ok(median < 100, `${median} ms`);
});
