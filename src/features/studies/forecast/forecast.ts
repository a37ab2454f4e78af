// The study-level recruitment forecast: from each site's opening date and count so far to the
// completion date (mean, 10th, 50th and 90th percentiles), the chance of finishing by the
// planned end, each site's likely rate, and how many more sites would rescue a late study.
// Poisson-Gamma model of Anisimov & Fedorov (Stat Med 2007); computed exactly, not by
// simulation, so the same input always gives the same answer. See docs/forecasting.md.
import {
  fitMaximumLikelihood,
  gammaMixtureQuantile,
  hyperparameterNodes,
  probabilityAtLeast,
  smallestWhole,
  type HyperparameterRule,
  type PoissonGammaCount,
  type SiteExposure,
  type WeightedPrior,
} from './poisson-gamma.js';

export type { SiteExposure, WeightedPrior } from './poisson-gamma.js';

export const forecastDefaults = {
  /** Shape of the planned-rate prior: CV = 1/√2 ≈ 0.71; 80% of sites between 0.27 and 1.94
   * times the planned rate. */
  priorShape: 2,
  /** Fewer open sites than this, or less exposure, and the planned-rate prior is used. */
  minimumSitesForFit: 2,
  minimumExposureDaysForFit: 30,
  extraSiteLagDays: 0,
  extraSiteProbability: 0.8,
  maxExtraSites: 200,
  /** Twenty years: completion later than this is reported as beyond the horizon. */
  horizonDays: 7305,
  /** How the uncertainty in a fitted (α, β) is averaged over (see hyperparameterNodes). */
  hyperparameterRule: 'cubature-5',
} as const;

export type PriorMethod = 'maximum-likelihood' | 'planned-rate-prior';

/** The Gamma(α, β) spread of site rates (participants per site per day) across sites. */
export interface FittedPrior {
  alpha: number;
  beta: number;
  method: PriorMethod;
  /** α / β, participants per site per day. */
  meanRate: number;
  /** 1 / √α: how much sites differ from one another. */
  coefficientOfVariation: number;
  /** Sites with some days open, their total days open and their total recruited. */
  sitesUsed: number;
  exposureDays: number;
  recruited: number;
  /** Set when the fitted α sits on its clamp [0.05, 1e4]. */
  alphaAtBound: 'lower' | 'upper' | null;
  logLikelihood: number | null;
  /** Plain-English reason for the method chosen. */
  reason: string;
}

export interface PriorOptions {
  /** Participants per site per day expected at planning; needed only for the fallback. */
  plannedRatePerSite?: number;
  priorShape?: number;
  minimumSitesForFit?: number;
  minimumExposureDaysForFit?: number;
}

/**
 * Fits the spread of site rates by maximum likelihood when the data can support it, and
 * otherwise falls back to a prior centred on the planned rate with shape `priorShape`.
 */
export function fitPrior(sites: readonly SiteExposure[], options: PriorOptions = {}): FittedPrior {
  const used = sites.filter((s) => s.daysOpen > 0);
  const exposureDays = used.reduce((sum, s) => sum + s.daysOpen, 0);
  const recruited = used.reduce((sum, s) => sum + s.recruited, 0);
  const minimumSites = options.minimumSitesForFit ?? forecastDefaults.minimumSitesForFit;
  const minimumDays =
    options.minimumExposureDaysForFit ?? forecastDefaults.minimumExposureDaysForFit;
  const summary = { sitesUsed: used.length, exposureDays, recruited };

  let reason: string;
  if (used.length < minimumSites) {
    reason = `fewer than ${minimumSites} sites have been open`;
  } else if (exposureDays < minimumDays) {
    reason = `the open sites have fewer than ${minimumDays} site-days between them`;
  } else if (recruited === 0) {
    reason = 'nobody has been recruited yet, so the data alone would put every rate at zero';
  } else {
    const fit = fitMaximumLikelihood(used);
    if (fit) {
      return {
        alpha: fit.alpha,
        beta: fit.beta,
        method: 'maximum-likelihood',
        meanRate: fit.alpha / fit.beta,
        coefficientOfVariation: 1 / Math.sqrt(fit.alpha),
        ...summary,
        alphaAtBound: fit.alphaAtBound,
        logLikelihood: fit.logLikelihood,
        reason: `fitted to ${used.length} sites over ${exposureDays} site-days`,
      };
    }
    reason = 'the likelihood has no maximum';
  }

  const plannedRate = options.plannedRatePerSite;
  if (plannedRate === undefined || !(plannedRate > 0) || !Number.isFinite(plannedRate)) {
    throw new RangeError(`A positive planned rate per site is needed for the prior: ${reason}.`);
  }
  const alpha = options.priorShape ?? forecastDefaults.priorShape;
  if (!(alpha > 0)) throw new RangeError('The prior shape must be positive.');
  return {
    alpha,
    beta: alpha / plannedRate,
    method: 'planned-rate-prior',
    meanRate: plannedRate,
    coefficientOfVariation: 1 / Math.sqrt(alpha),
    ...summary,
    alphaAtBound: null,
    logLikelihood: null,
    reason: `planned rate used because ${reason}`,
  };
}

/** The planned rate per site: target / (sites × planned recruitment days). */
export const plannedRatePerSite = (target: number, siteCount: number, recruitmentDays: number) =>
  target / (siteCount * recruitmentDays);

/** One site's recruitment as the service holds it. Dates are ISO `YYYY-MM-DD`. */
export interface SiteRecruitment {
  id: string;
  /** The day the site actually opened to recruitment. */
  openedOn?: string;
  /** The day it is planned to open, for a site not yet open. */
  plannedOpenOn?: string;
  /** The first day it no longer recruits (past or planned). */
  closedOn?: string;
  /** Participants recruited so far, before `today`. */
  recruited: number;
  /** Days open so far, when known better than the dates say (e.g. paused weeks removed). */
  daysOpen?: number;
}

export interface ForecastInput {
  /** The forecast's day: counts cover the days before it, forecasting starts on it. */
  today: string;
  target: number;
  /** The last day of planned recruitment. */
  plannedEnd: string;
  sites: readonly SiteRecruitment[];
  /** Planned participants per site per day; otherwise target / (sites × planned days). */
  plannedRatePerSite?: number;
  /** The first day of planned recruitment; otherwise the earliest site opening date. */
  plannedStart?: string;
  priorShape?: number;
  minimumSitesForFit?: number;
  minimumExposureDaysForFit?: number;
  /** Days from today until extra sites could open. */
  extraSiteLagDays?: number;
  /** The chance of finishing by the planned end that extra sites should give. */
  extraSiteProbability?: number;
  maxExtraSites?: number;
  horizonDays?: number;
  /** 'plug-in' trusts the fitted (α, β) as if known: narrower, and over-confident with few
   * sites (docs/forecasting.md has the measured coverage). */
  hyperparameterRule?: HyperparameterRule | 'plug-in';
}

export type SiteStatus = 'open' | 'closed' | 'not-yet-open' | 'not-planned';

export interface SiteForecast {
  id: string;
  status: SiteStatus;
  recruited: number;
  daysOpen: number;
  /** The first day this site is counted on in the forecast, or null if it never recruits. */
  recruitsFrom: string | null;
  /** The last day it recruits, or null if open-ended or never recruiting. */
  recruitsUntil: string | null;
  /** Gamma(α̂ + n, β̂ + t): belief about its rate at the fitted prior, after its own data. */
  posteriorAtFittedPrior: { shape: number; rate: number };
  /** Posterior mean rate, participants per day, averaged over the prior's uncertainty. */
  meanRate: number;
  /** 80% credible interval for its rate (10th and 90th percentiles), likewise averaged. */
  rateInterval80: { lower: number; upper: number };
}

export interface CompletionForecast {
  /** Mean completion date, or null when there is more than a one-in-a-million chance of not
   * finishing within the horizon (the mean is then not a useful figure). */
  expected: string | null;
  /** Mean completion time in days from the start of `today`. */
  expectedDays: number | null;
  /** Percentile dates; null when beyond the horizon. */
  p10: string | null;
  p50: string | null;
  p90: string | null;
  /** P(target reached by the horizon's last day). */
  probabilityWithinHorizon: number;
}

export interface ExtraSitesForecast {
  /** Extra sites needed to reach `requiredProbability`; 0 if on track; null if not reachable
   * with `searchedUpTo` sites. */
  needed: number | null;
  reachable: boolean;
  opensOn: string;
  requiredProbability: number;
  searchedUpTo: number;
  /** P(target by the planned end) with `needed` (or, if unreachable, `searchedUpTo`) more. */
  probabilityWithExtraSites: number;
}

export type ForecastStatus = 'target-met' | 'forecast' | 'no-future-recruitment';

export interface ForecastResult {
  status: ForecastStatus;
  today: string;
  target: number;
  recruited: number;
  remaining: number;
  prior: FittedPrior;
  /** The priors averaged over, with weights; one node of weight 1 for the planned-rate prior
   * or with the plug-in rule. */
  priorNodes: WeightedPrior[];
  completion: CompletionForecast;
  probabilityByPlannedEnd: number;
  sites: SiteForecast[];
  extraSites: ExtraSitesForecast;
  horizonEnd: string;
  /** Plain-English caveats: fallbacks, dates beyond the horizon, past planned end. */
  notes: string[];
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 for an ISO date, checked to be a real calendar date. */
export function dayNumber(iso: string, field = 'date'): number {
  const ms = ISO_DATE.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`${field} must be a date written YYYY-MM-DD, not "${iso}"`);
  }
  return Math.round(ms / DAY_MS);
}

export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A site's part in the forecast, times in days from the start of `today`. */
interface SitePlan {
  forecast: SiteForecast;
  exposure: SiteExposure;
  /** Recruits during [start, end) from now on; start >= end means never again. */
  start: number;
  end: number;
}

function planSite(site: SiteRecruitment, today: number): SitePlan {
  const label = `site ${site.id}`;
  if (!Number.isInteger(site.recruited) || site.recruited < 0) {
    throw new RangeError(`${label}: recruited must be a whole number of participants`);
  }
  if (site.daysOpen !== undefined && !(Number.isFinite(site.daysOpen) && site.daysOpen >= 0)) {
    throw new RangeError(`${label}: daysOpen must be a non-negative number`);
  }
  const opened = site.openedOn === undefined ? undefined : dayNumber(site.openedOn, label);
  const planned =
    site.plannedOpenOn === undefined ? undefined : dayNumber(site.plannedOpenOn, label);
  const closed = site.closedOn === undefined ? Infinity : dayNumber(site.closedOn, label);
  const opensOn = opened ?? planned;
  if (opensOn !== undefined && closed < opensOn) {
    throw new RangeError(`${label}: closes before it opens`);
  }

  let status: SiteStatus;
  let daysOpen = 0;
  if (opened !== undefined && opened < today) {
    status = closed <= today ? 'closed' : 'open';
    daysOpen = site.daysOpen ?? Math.min(today, closed) - opened;
    // Recruits with no day open: the opening day's recruits were counted already.
    if (site.recruited > 0 && daysOpen === 0) daysOpen = 1;
  } else if (opensOn !== undefined) {
    status = closed <= today ? 'closed' : opened === today ? 'open' : 'not-yet-open';
    if (site.daysOpen !== undefined && site.daysOpen > 0) {
      throw new RangeError(`${label}: has days open but opens on or after today`);
    }
    if (site.recruited > 0 && opened !== today) {
      throw new RangeError(`${label}: has recruits but has not opened before today`);
    }
    daysOpen = site.recruited > 0 ? 1 : 0;
  } else {
    status = 'not-planned';
    if (site.recruited > 0) throw new RangeError(`${label}: has recruits but no opening date`);
  }
  const start = opensOn === undefined ? Infinity : Math.max(0, opensOn - today);
  const end = opensOn === undefined ? 0 : closed - today;
  return {
    forecast: {
      id: site.id,
      status,
      recruited: site.recruited,
      daysOpen,
      recruitsFrom: start < end ? isoDate(today + start) : null,
      recruitsUntil: start < end && Number.isFinite(end) ? isoDate(today + end - 1) : null,
      posteriorAtFittedPrior: { shape: 0, rate: 0 },
      meanRate: 0,
      rateInterval80: { lower: 0, upper: 0 },
    },
    exposure: { recruited: site.recruited, daysOpen },
    start,
    end,
  };
}

function derivedPlannedRate(input: ForecastInput, plannedEnd: number): number | undefined {
  if (input.plannedRatePerSite !== undefined) return input.plannedRatePerSite;
  const openings = input.sites
    .map((s) => s.openedOn ?? s.plannedOpenOn)
    .filter((d): d is string => d !== undefined)
    .map((d) => dayNumber(d));
  const start =
    input.plannedStart === undefined
      ? openings.length > 0
        ? Math.min(...openings)
        : undefined
      : dayNumber(input.plannedStart, 'plannedStart');
  if (start === undefined || input.sites.length === 0) return undefined;
  const days = plannedEnd - start + 1;
  return days > 0 ? plannedRatePerSite(input.target, input.sites.length, days) : undefined;
}

const legendreRules = new Map<number, { nodes: number[]; weights: number[] }>();

/** Gauss-Legendre nodes and weights on [-1, 1], by Newton's method on the Legendre polynomial. */
function legendreRule(n: number) {
  let rule = legendreRules.get(n);
  if (rule) return rule;
  rule = { nodes: [], weights: [] };
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let slope = 1;
    for (let iteration = 0; iteration < 100; iteration++) {
      let previous = 1;
      let value = x;
      for (let k = 2; k <= n; k++) {
        const next = ((2 * k - 1) * x * value - (k - 1) * previous) / k;
        previous = value;
        value = next;
      }
      slope = (n * (x * value - previous)) / (x * x - 1);
      const step = value / slope;
      x -= step;
      if (Math.abs(step) < 1e-15) break;
    }
    rule.nodes.push(x);
    rule.weights.push(2 / ((1 - x * x) * slope * slope));
  }
  legendreRules.set(n, rule);
  return rule;
}

/**
 * ∫ f from the first to the last of `breaks`, split at the others (where f has kinks), by
 * Gauss-Legendre on each piece with nodes shared out by length: about `total` in all, at
 * least 4 a piece.
 */
function integrate(f: (t: number) => number, breaks: readonly number[], total: number): number {
  const span = (breaks.at(-1) ?? 0) - (breaks[0] ?? 0);
  let sum = 0;
  for (let j = 1; j < breaks.length; j++) {
    const a = breaks[j - 1] as number;
    const b = breaks[j] as number;
    const { nodes, weights } = legendreRule(Math.max(4, Math.round((total * (b - a)) / span)));
    let piece = 0;
    nodes.forEach((x, i) => (piece += (weights[i] ?? 0) * f((a + b) / 2 + ((b - a) / 2) * x)));
    sum += (piece * (b - a)) / 2;
  }
  return sum;
}

/** The first whole T in [1, last] with f(T) >= p for a non-decreasing f with f(0) < p,
 * searched outwards from a guess in steps that double, then by bisection. */
function firstWholeReaching(
  f: (t: number) => number,
  p: number,
  guess: number,
  last: number,
): number | undefined {
  if (f(last) < p) return undefined;
  let lo = 0;
  let hi = last;
  const t = Math.min(last, Math.max(1, Math.round(guess)));
  let step = Math.max(1, Math.round(0.05 * t));
  if (f(t) >= p) {
    hi = t;
    while (hi - step > lo) {
      if (f(hi - step) < p) {
        lo = hi - step;
        break;
      }
      hi -= step;
      step *= 2;
    }
  } else {
    lo = t;
    while (lo + step < hi) {
      if (f(lo + step) >= p) {
        hi = lo + step;
        break;
      }
      lo += step;
      step *= 2;
    }
  }
  return smallestWhole(lo + 1, hi, (day) => f(day) >= p);
}

/** Forecasts a study's recruitment. Throws RangeError on input that makes no sense. */
export function forecast(input: ForecastInput): ForecastResult {
  const today = dayNumber(input.today, 'today');
  const plannedEnd = dayNumber(input.plannedEnd, 'plannedEnd');
  if (!Number.isInteger(input.target) || input.target < 1) {
    throw new RangeError('target must be a whole number of participants, at least 1');
  }
  const ids = new Set(input.sites.map((s) => s.id));
  if (ids.size !== input.sites.length) throw new RangeError('site ids must be unique');
  const horizonDays = input.horizonDays ?? forecastDefaults.horizonDays;
  const lagDays = input.extraSiteLagDays ?? forecastDefaults.extraSiteLagDays;
  const requiredProbability = input.extraSiteProbability ?? forecastDefaults.extraSiteProbability;
  const maxExtraSites = input.maxExtraSites ?? forecastDefaults.maxExtraSites;
  const rule = input.hyperparameterRule ?? forecastDefaults.hyperparameterRule;
  if (!Number.isInteger(horizonDays) || horizonDays < 1) {
    throw new RangeError('horizonDays must be a whole number of days, at least 1');
  }
  if (!Number.isInteger(lagDays) || lagDays < 0) {
    throw new RangeError('extraSiteLagDays must be a whole number of days, 0 or more');
  }
  if (!(requiredProbability > 0 && requiredProbability < 1)) {
    throw new RangeError('extraSiteProbability must be between 0 and 1');
  }
  if (!Number.isInteger(maxExtraSites) || maxExtraSites < 0) {
    throw new RangeError('maxExtraSites must be a whole number, 0 or more');
  }

  const plans = input.sites.map((s) => planSite(s, today));
  const recruited = plans.reduce((sum, p) => sum + p.exposure.recruited, 0);
  const remaining = input.target - recruited;
  const notes: string[] = [];

  const exposures = plans.map((p) => p.exposure);
  const prior = fitPrior(exposures, {
    plannedRatePerSite: derivedPlannedRate(input, plannedEnd),
    priorShape: input.priorShape,
    minimumSitesForFit: input.minimumSitesForFit,
    minimumExposureDaysForFit: input.minimumExposureDaysForFit,
  });
  if (prior.method === 'planned-rate-prior') notes.push(`The ${prior.reason}.`);
  if (prior.alphaAtBound === 'upper') {
    notes.push('The sites recruit at almost the same rate; their spread is set to its minimum.');
  }
  const nodes: WeightedPrior[] =
    prior.method === 'maximum-likelihood' && rule !== 'plug-in'
      ? hyperparameterNodes(
          exposures,
          {
            alpha: prior.alpha,
            beta: prior.beta,
            logLikelihood: prior.logLikelihood ?? 0,
            alphaAtBound: prior.alphaAtBound,
          },
          rule,
        )
      : [{ alpha: prior.alpha, beta: prior.beta, weight: 1 }];

  // Each site's rate given its data, under each prior node: Gamma(α_k + n, β_k + t).
  const posteriors = plans.map((plan) =>
    nodes.map((node) => ({
      shape: node.alpha + plan.exposure.recruited,
      rate: node.beta + plan.exposure.daysOpen,
      weight: node.weight,
    })),
  );
  plans.forEach((plan, i) => {
    const mixture = posteriors[i] ?? [];
    plan.forecast.posteriorAtFittedPrior = {
      shape: prior.alpha + plan.exposure.recruited,
      rate: prior.beta + plan.exposure.daysOpen,
    };
    plan.forecast.meanRate = mixture.reduce((sum, g) => sum + (g.weight * g.shape) / g.rate, 0);
    plan.forecast.rateInterval80 = {
      lower: gammaMixtureQuantile(0.1, mixture),
      upper: gammaMixtureQuantile(0.9, mixture),
    };
  });

  const planEndOffset = plannedEnd - today + 1; // days from the start of today to the end of plan
  const extraOpensOn = isoDate(today + lagDays);
  const horizonEnd = isoDate(today + horizonDays - 1);
  const base = {
    today: input.today,
    target: input.target,
    recruited,
    remaining: Math.max(0, remaining),
    prior,
    priorNodes: nodes,
    sites: plans.map((p) => p.forecast),
    horizonEnd,
    notes,
  };

  if (remaining <= 0) {
    notes.push('The target has already been met.');
    return {
      ...base,
      status: 'target-met',
      completion: {
        expected: null,
        expectedDays: null,
        p10: null,
        p50: null,
        p90: null,
        probabilityWithinHorizon: 1,
      },
      probabilityByPlannedEnd: 1,
      extraSites: {
        needed: 0,
        reachable: true,
        opensOn: extraOpensOn,
        requiredProbability,
        searchedUpTo: 0,
        probabilityWithExtraSites: 1,
      },
    };
  }

  // P(N(t) >= remaining): the chance the target is met by t days from the start of today,
  // averaged over the prior nodes. Only sites recruiting at some point from today take part.
  const taking = plans.flatMap((plan, i) => (plan.start < plan.end ? [{ plan, i }] : []));
  const exposureBy = (plan: SitePlan, t: number) => Math.max(0, Math.min(t, plan.end) - plan.start);
  const countsBy = (k: number, t: number): PoissonGammaCount[] =>
    taking.map(({ plan, i }) => {
      const g = posteriors[i]?.[k] ?? { shape: 0, rate: 1 };
      return { shape: g.shape, rate: g.rate, exposure: exposureBy(plan, t) };
    });
  const averaged = (probability: (k: number) => number) =>
    nodes.reduce((sum, node, k) => sum + node.weight * probability(k), 0);
  const cache = new Map<number, number>();
  const completedBy = (t: number) => {
    let value = cache.get(t);
    if (value === undefined) {
      value = t <= 0 ? 0 : averaged((k) => probabilityAtLeast(countsBy(k, t), remaining));
      cache.set(t, value);
    }
    return value;
  };

  // Where to start searching: the day when the expected number recruited reaches the target.
  const expectedBy = (t: number) =>
    taking.reduce((sum, { plan }) => sum + plan.forecast.meanRate * exposureBy(plan, t), 0);
  const guess =
    expectedBy(horizonDays) < remaining
      ? horizonDays
      : (smallestWhole(1, horizonDays, (t) => expectedBy(t) >= remaining) ?? horizonDays);

  const noFutureRecruitment = taking.every(({ plan }) => plan.start >= horizonDays);
  if (noFutureRecruitment) notes.push('No site is open or planned to open, so no completion.');
  const withinHorizon = completedBy(horizonDays);
  const percentileDay = (p: number, from = guess) =>
    firstWholeReaching(completedBy, p, from, horizonDays);
  const day50 = percentileDay(0.5);
  const day10 = percentileDay(0.1, day50);
  const day90 = percentileDay(0.9, day50);
  const dateOf = (day: number | undefined) => (day === undefined ? null : isoDate(today + day - 1));
  const p10 = dateOf(day10);
  const p50 = dateOf(day50);
  const p90 = dateOf(day90);
  for (const [name, value] of [
    ['10th', p10],
    ['50th', p50],
    ['90th', p90],
  ] as const) {
    if (value === null && !noFutureRecruitment) {
      notes.push(`The ${name} percentile is beyond the horizon (${horizonEnd}).`);
    }
  }

  let expectedDays: number | null = null;
  if (withinHorizon >= 1 - 1e-6) {
    // E[τ] = ∫ P(τ > t) dt. Before `from` completion is all but impossible (the integrand is
    // 1), after `to` all but certain (0): each end errs by under 1e-6 of its length. Between
    // them, integrate with breakpoints where sites open or close (kinks in the integrand).
    const spread = Math.max(1, (day90 ?? horizonDays) - (day10 ?? 1));
    let from = day10 ?? 0;
    for (let step = spread; from > 0 && completedBy(from) > 1e-6; step *= 2) {
      from = Math.max(0, from - step);
    }
    let to = day90 ?? horizonDays;
    for (let step = spread; to < horizonDays && completedBy(to) < 1 - 1e-6; step *= 2) {
      to = Math.min(horizonDays, to + step);
    }
    const points = [
      ...new Set([
        from,
        ...taking.flatMap(({ plan }) => [plan.start, plan.end]).filter((t) => t > from && t < to),
        to,
      ]),
    ].sort((x, y) => x - y);
    expectedDays = from + integrate((t) => 1 - completedBy(t), points, 16);
  } else if (withinHorizon > 0) {
    notes.push('The expected date is not given: the study may not finish within the horizon.');
  }

  const probabilityByPlannedEnd = completedBy(planEndOffset);
  if (planEndOffset <= 0) notes.push('The planned end date has passed.');

  // k extra sites, each with a rate drawn from the prior, recruit NB(kα, β) together.
  const extraExposure = Math.max(0, planEndOffset - lagDays);
  const extraCache = new Map<number, number>([[0, probabilityByPlannedEnd]]);
  const withExtra = (extra: number) => {
    let value = extraCache.get(extra);
    if (value === undefined) {
      value =
        planEndOffset <= 0
          ? 0
          : averaged((k) =>
              probabilityAtLeast(
                [
                  ...countsBy(k, planEndOffset),
                  {
                    shape: extra * (nodes[k]?.alpha ?? 0),
                    rate: nodes[k]?.beta ?? 1,
                    exposure: extraExposure,
                  },
                ],
                remaining,
              ),
            );
      extraCache.set(extra, value);
    }
    return value;
  };
  // Shifted by one so the search over 1.. covers 0 extra sites.
  const shifted = firstWholeReaching(
    (n) => withExtra(n - 1),
    requiredProbability,
    1,
    maxExtraSites + 1,
  );
  const neededSites = shifted === undefined ? undefined : shifted - 1;
  if (neededSites === undefined) {
    notes.push(
      `Even ${maxExtraSites} extra sites opening on ${extraOpensOn} would not make finishing by the planned end ${Math.round(requiredProbability * 100)}% likely.`,
    );
  }

  return {
    ...base,
    status: noFutureRecruitment ? 'no-future-recruitment' : 'forecast',
    completion: {
      expected: expectedDays === null ? null : isoDate(today + Math.floor(expectedDays)),
      expectedDays,
      p10,
      p50,
      p90,
      probabilityWithinHorizon: withinHorizon,
    },
    probabilityByPlannedEnd,
    extraSites: {
      needed: neededSites ?? null,
      reachable: neededSites !== undefined,
      opensOn: extraOpensOn,
      requiredProbability,
      searchedUpTo: maxExtraSites,
      probabilityWithExtraSites: withExtra(neededSites ?? maxExtraSites),
    },
  };
}
