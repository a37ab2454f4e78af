// The mathematics of the Poisson-Gamma recruitment model (Anisimov & Fedorov, Stat Med 2007):
// special functions, the negative binomial marginal, the maximum-likelihood fit of the Gamma
// prior, and the exact distribution of the number recruited by a horizon. Pure and
// deterministic; no dependencies. The derivations are in docs/forecasting.md.

const LANCZOS_G = 7;
const LANCZOS_COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;
const HALF_LN_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (and non-integer x < 0) by the Lanczos approximation, ~15 digits. */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    sum += (LANCZOS_COEFFICIENTS[i] ?? 0) / (z + i);
  }
  const t = z + LANCZOS_G + 0.5;
  return HALF_LN_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln Γ(a + n) - ln Γ(a) for a whole n >= 0. Summed directly for small n, where subtracting two
 * large ln Γ values would lose digits when a is large (a near the 1e4 clamp).
 */
export function lnGammaRatio(a: number, n: number): number {
  if (n <= 64) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += Math.log(a + k);
    return sum;
  }
  return lnGamma(a + n) - lnGamma(a);
}

/** ln n! for a whole n >= 0. */
export const lnFactorial = (n: number): number => lnGamma(n + 1);

/**
 * A site's count over a stretch of time: Poisson with mean λ × exposure, where the rate λ is
 * uncertain and follows Gamma(shape, rate). The count is then negative binomial.
 */
export interface PoissonGammaCount {
  /** Gamma shape of the site's rate (α, or α + n after data). */
  shape: number;
  /** Gamma rate of the site's rate, in days (β, or β + t after data). */
  rate: number;
  /** Days during which the site recruits in the stretch being counted. */
  exposure: number;
}

/** ln P(count = k) for the negative binomial marginal of a Poisson-Gamma count. */
export function logNegativeBinomialPmf(k: number, { shape, rate, exposure }: PoissonGammaCount) {
  if (!Number.isInteger(k) || k < 0) return -Infinity;
  if (exposure <= 0) return k === 0 ? 0 : -Infinity;
  const logTotal = Math.log(rate + exposure);
  return (
    lnGammaRatio(shape, k) -
    lnFactorial(k) +
    shape * (Math.log(rate) - logTotal) +
    k * (Math.log(exposure) - logTotal)
  );
}

export const negativeBinomialPmf = (k: number, count: PoissonGammaCount): number =>
  Math.exp(logNegativeBinomialPmf(k, count));

/** What one site has shown: participants recruited in the days it has been open. */
export interface SiteExposure {
  recruited: number;
  daysOpen: number;
}

/**
 * The log-likelihood of a Gamma(α, β) prior given sites' counts: the sum of the negative
 * binomial log-probabilities. Sites open for no days carry no information and add nothing.
 */
export function logLikelihood(sites: readonly SiteExposure[], alpha: number, beta: number) {
  let total = 0;
  for (const { recruited, daysOpen } of sites) {
    if (daysOpen <= 0) continue;
    total += logNegativeBinomialPmf(recruited, { shape: alpha, rate: beta, exposure: daysOpen });
  }
  return total;
}

/** Bounds on α. Below 0.05 the rates would span many orders of magnitude; above 1e4 the prior
 * is a single common rate to within 1% (CV = 1/√α), so larger values change nothing useful. */
export const ALPHA_BOUNDS = { lower: 0.05, upper: 1e4 } as const;

export interface MaximumLikelihoodFit {
  alpha: number;
  beta: number;
  logLikelihood: number;
  /** Set when α sits on a bound: 'upper' means the sites look equally fast (no extra spread). */
  alphaAtBound: 'lower' | 'upper' | null;
}

/**
 * The β that maximises the likelihood for a given α: the root of
 * Σ α/β - (α + n_i)/(β + t_i) = 0. Multiplying by β gives a strictly decreasing function of β,
 * so there is exactly one root when Σ n_i > 0; found by safeguarded Newton on x = ln β.
 */
export function profileBeta(sites: readonly SiteExposure[], alpha: number): number {
  const used = sites.filter((s) => s.daysOpen > 0);
  const totalRecruited = used.reduce((sum, s) => sum + s.recruited, 0);
  const totalDays = used.reduce((sum, s) => sum + s.daysOpen, 0);
  if (totalRecruited <= 0) throw new RangeError('β has no finite maximum when nobody is recruited');
  // f(x) = Nα - Σ (α + n_i) e^x / (e^x + t_i), decreasing in x.
  const f = (x: number) => {
    const beta = Math.exp(x);
    let value = used.length * alpha;
    let slope = 0;
    for (const { recruited, daysOpen } of used) {
      const share = beta / (beta + daysOpen);
      value -= (alpha + recruited) * share;
      slope -= (alpha + recruited) * share * (1 - share);
    }
    return { value, slope };
  };
  return Math.exp(decreasingRoot(f, Math.log((alpha * totalDays) / totalRecruited)));
}

/** The root of a strictly decreasing function, by Newton steps kept inside a bracket. */
function decreasingRoot(f: (x: number) => { value: number; slope: number }, start: number) {
  let lo = start;
  let hi = start;
  while (f(lo).value < 0) lo -= 2;
  while (f(hi).value > 0) hi += 2;
  let x = start;
  for (let iteration = 0; iteration < 200; iteration++) {
    const { value, slope } = f(x);
    if (value === 0) return x;
    if (value > 0) lo = x;
    else hi = x;
    let next = slope < 0 ? x - value / slope : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) < 1e-12 * Math.max(1, Math.abs(x)) || hi - lo < 1e-13) return next;
    x = next;
  }
  return x;
}

const INVERSE_GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Maximum-likelihood (α, β) over sites with some days open. β is profiled out exactly (see
 * profileBeta), which leaves a one-dimensional search over ln α: a grid over the whole clamped
 * range first, so a second local maximum cannot trap the search, then golden-section
 * refinement around the best grid point. Returns undefined when nobody has been recruited,
 * where the likelihood keeps rising as the mean rate falls to zero.
 */
export function fitMaximumLikelihood(
  sites: readonly SiteExposure[],
): MaximumLikelihoodFit | undefined {
  const used = sites.filter((s) => s.daysOpen > 0);
  if (used.length === 0 || used.every((s) => s.recruited === 0)) return undefined;
  const profile = (u: number) => {
    const alpha = Math.exp(u);
    return logLikelihood(used, alpha, profileBeta(used, alpha));
  };
  const lower = Math.log(ALPHA_BOUNDS.lower);
  const upper = Math.log(ALPHA_BOUNDS.upper);
  const steps = 48;
  let bestIndex = 0;
  let bestValue = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const value = profile(lower + ((upper - lower) * i) / steps);
    if (value > bestValue) {
      bestValue = value;
      bestIndex = i;
    }
  }
  let a = lower + ((upper - lower) * Math.max(0, bestIndex - 1)) / steps;
  let b = lower + ((upper - lower) * Math.min(steps, bestIndex + 1)) / steps;
  let c = b - INVERSE_GOLDEN * (b - a);
  let d = a + INVERSE_GOLDEN * (b - a);
  let fc = profile(c);
  let fd = profile(d);
  while (b - a > 1e-8) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - INVERSE_GOLDEN * (b - a);
      fc = profile(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + INVERSE_GOLDEN * (b - a);
      fd = profile(d);
    }
  }
  // The ends of the range are candidates too: golden section never evaluates them.
  let u = (a + b) / 2;
  for (const candidate of [lower, upper]) {
    if (Math.abs(candidate - u) < 1e-6 && profile(candidate) >= profile(u)) u = candidate;
  }
  const alpha = Math.exp(u);
  const beta = profileBeta(used, alpha);
  const relative = 1e-6;
  return {
    alpha,
    beta,
    logLikelihood: logLikelihood(used, alpha, beta),
    alphaAtBound: u - lower < relative ? 'lower' : upper - u < relative ? 'upper' : null,
  };
}

export interface GammaDistribution {
  shape: number;
  rate: number;
}

/** The posterior of a site's rate: Gamma(α + n, β + t). */
export const posteriorRate = (
  prior: GammaDistribution,
  { recruited, daysOpen }: SiteExposure,
): GammaDistribution => ({
  shape: prior.shape + recruited,
  rate: prior.rate + Math.max(0, daysOpen),
});

/** The regularised lower incomplete gamma function P(a, x) (series or continued fraction). */
export function regularizedLowerGamma(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const logPrefix = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1_000_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Modified Lentz evaluation of the continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** The standard normal quantile (Acklam's rational approximation, ~1e-9); a starting guess. */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269];
  const a4 = -30.66479806614716;
  const a5 = 2.506628274631;
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
  const b4 = -13.28068155288572;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c4 = 4.374664141464968;
  const c5 = 2.938163982698783;
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3] = a as [number, number, number, number];
  const [b0, b1, b2, b3] = b as [number, number, number, number];
  const [c0, c1, c2, c3] = c as [number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const tail = (q: number) =>
    (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
    ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/** The p-quantile of Gamma(shape, rate): Newton on P(a, x) = p, kept inside a bracket. */
export function gammaQuantile(p: number, { shape, rate }: GammaDistribution): number {
  if (!(p > 0)) return 0;
  if (!(p < 1)) return Infinity;
  // Wilson-Hilferty start; for small shapes use the leading term of the series instead.
  const z = normalQuantile(p);
  const wilson = shape * (1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape))) ** 3;
  let x = wilson > 0.01 * shape ? wilson : Math.exp((Math.log(p) + lnGamma(shape + 1)) / shape);
  let lo = 0;
  let hi = Infinity;
  for (let iteration = 0; iteration < 200; iteration++) {
    const value = regularizedLowerGamma(shape, x) - p;
    if (value === 0) break;
    if (value > 0) hi = x;
    else lo = x;
    const density = Math.exp((shape - 1) * Math.log(x) - x - lnGamma(shape));
    let next = density > 0 ? x - value / density : Number.NaN;
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : 2 * x;
    if (Math.abs(next - x) <= 1e-13 * x) {
      x = next;
      break;
    }
    x = next;
  }
  return x / rate;
}

/** A mixture of Gamma distributions, for a rate whose prior is itself uncertain. */
export interface WeightedGamma extends GammaDistribution {
  weight: number;
}

/** The p-quantile of a Gamma mixture: Newton on the mixture's distribution function, bracketed
 * by the smallest and largest quantiles of its parts (the mixture's lies between them). */
export function gammaMixtureQuantile(p: number, mixture: readonly WeightedGamma[]): number {
  const only = mixture.length === 1 ? mixture[0] : undefined;
  if (only) return gammaQuantile(p, only);
  const quantiles = mixture.map((g) => gammaQuantile(p, g));
  let lo = Math.min(...quantiles);
  let hi = Math.max(...quantiles);
  let x = mixture.reduce((sum, g, i) => sum + g.weight * (quantiles[i] ?? 0), 0);
  for (let iteration = 0; iteration < 100 && hi - lo > 1e-13 * hi; iteration++) {
    let value = -p;
    let density = 0;
    for (const { shape, rate, weight } of mixture) {
      value += weight * regularizedLowerGamma(shape, rate * x);
      density +=
        weight * rate * Math.exp((shape - 1) * Math.log(rate * x) - rate * x - lnGamma(shape));
    }
    if (value === 0) return x;
    if (value > 0) hi = x;
    else lo = x;
    let next = density > 0 ? x - value / density : Number.NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-13 * x) return next;
    x = next;
  }
  return x;
}

/** The threshold above which running sums are scaled down to stay within double range. */
const RESCALE_ABOVE = 1e250;

/**
 * Runs the recursion for the pmf of a sum of independent negative binomials up to count
 * `last`, and returns ln P(N ≤ last); also writes ln P(N = k) into `logPmf` when given.
 *
 * With q_i = e_i / (b_i + e_i), the probability generating function is
 * G(z) = Π ((1 - q_i) / (1 - q_i z))^{a_i}, so G'(z) = G(z) Σ a_i q_i / (1 - q_i z), which gives
 * (k + 1) p_{k+1} = Σ_i a_i S_i(k) with S_i(k) = Σ_{m≤k} q_i^{m+1} p_{k-m} = q_i (p_k + S_i(k-1)).
 * That is O(last × sites) with every term positive, so no cancellation. Values are carried
 * scaled with their logarithm kept apart, because p_0 alone can underflow. Stops early, giving
 * ln 1 = 0, once ln P(N ≤ k) passes `settledAbove`.
 */
function sumRecursion(
  counts: readonly PoissonGammaCount[],
  last: number,
  logPmf?: Float64Array,
  settledAbove = Infinity,
) {
  // Counts with the same q are one negative binomial with the shapes added: merging them
  // (sites opening together with no data yet, say) makes the loop below shorter.
  const shapeByQ = new Map<number, number>();
  let logScale = 0;
  for (const c of counts) {
    if (!(c.exposure > 0 && c.shape > 0)) continue;
    const qi = c.exposure / (c.rate + c.exposure);
    shapeByQ.set(qi, (shapeByQ.get(qi) ?? 0) + c.shape);
    logScale -= c.shape * Math.log1p(c.exposure / c.rate);
  }
  const m = shapeByQ.size;
  if (m === 0) {
    if (logPmf) logPmf.fill(-Infinity).set([0]);
    return 0;
  }
  const q = Float64Array.from(shapeByQ.keys());
  const shape = Float64Array.from(shapeByQ.values());
  const tail = new Float64Array(m);
  let p = 1;
  let cumulative = 0;
  for (let k = 0; ; k++) {
    cumulative += p;
    if (logPmf) logPmf[k] = Math.log(p) + logScale;
    if (k >= last) break;
    // Already P(N ≤ k) > 1 - 1e-15: the rest cannot change the answer.
    if ((k & 63) === 63 && Math.log(cumulative) + logScale > settledAbove) return 0;
    let next = 0;
    for (let i = 0; i < m; i++) {
      const s = (q[i] as number) * (p + (tail[i] as number));
      tail[i] = s;
      next += (shape[i] as number) * s;
    }
    p = next / (k + 1);
    if (cumulative > RESCALE_ABOVE || p > RESCALE_ABOVE) {
      p /= RESCALE_ABOVE;
      cumulative /= RESCALE_ABOVE;
      for (let i = 0; i < m; i++) tail[i] = (tail[i] as number) / RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
  }
  return Math.min(0, Math.log(cumulative) + logScale);
}

/**
 * Chernoff's bound on ln P(N ≤ c) for a sum of independent negative binomials:
 * P(N ≤ c) ≤ exp(K(s) - s c) for every s ≤ 0, K the cumulant generating function
 * K(s) = Σ a_i ln((1 - q_i) / (1 - q_i e^s)); s is set by Newton steps towards K'(s) = c.
 */
export function logLowerTailBound(counts: readonly PoissonGammaCount[], c: number): number {
  const active = counts.filter((x) => x.exposure > 0 && x.shape > 0);
  const q = active.map((x) => x.exposure / (x.rate + x.exposure));
  const bound = (s: number) =>
    active.reduce(
      (sum, x, i) =>
        sum + x.shape * (Math.log1p(-(q[i] ?? 0)) - Math.log1p(-(q[i] ?? 0) * Math.exp(s))),
      0,
    ) -
    s * c;
  let s = 0;
  for (let iteration = 0; iteration < 30; iteration++) {
    let slope = -c;
    let curvature = 0;
    active.forEach((x, i) => {
      const qs = (q[i] ?? 0) * Math.exp(s);
      slope += (x.shape * qs) / (1 - qs);
      curvature += (x.shape * qs) / (1 - qs) ** 2;
    });
    if (slope <= 0 || curvature <= 0) break;
    s = Math.max(s - slope / curvature, s - 5);
  }
  return Math.min(0, bound(s));
}

/** ln(1 - 1e-15): a running P(N ≤ k) above this already settles P(N ≥ r) at 0. */
const SETTLED = Math.log1p(-1e-15);

/** P(N ≥ threshold) where N is the sum of the given independent Poisson-Gamma counts. */
export function probabilityAtLeast(
  counts: readonly PoissonGammaCount[],
  threshold: number,
): number {
  if (threshold <= 0) return 1;
  const last = Math.ceil(threshold) - 1;
  // Far into the upper tail the recursion would only confirm a certainty.
  if (logLowerTailBound(counts, last) < -36) return 1;
  const below = Math.exp(sumRecursion(counts, last, undefined, SETTLED));
  return Math.min(1, Math.max(0, 1 - below));
}

/** P(N = k) for k = 0..last, N the sum of the given independent Poisson-Gamma counts. */
export function sumPmf(counts: readonly PoissonGammaCount[], last: number): Float64Array {
  const logPmf = new Float64Array(last + 1);
  sumRecursion(counts, last, logPmf);
  return logPmf.map((value) => Math.exp(value));
}

/**
 * The smallest whole t in [lo, hi] with holds(t), for a predicate that is false then true
 * (monotone), or undefined when holds(hi) is false.
 */
export function smallestWhole(lo: number, hi: number, holds: (t: number) => boolean) {
  if (!holds(hi)) return undefined;
  let low = lo - 1; // invariant: holds(high); low is below the range or !holds(low)
  let high = hi;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (holds(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** A Gamma(α, β) prior carrying a quadrature weight. */
export interface WeightedPrior {
  alpha: number;
  beta: number;
  weight: number;
}

export type HyperparameterRule = 'grid-9' | 'cubature-5' | 'mean-only-3';

/**
 * Quadrature nodes over the uncertainty in (α, β) after a maximum-likelihood fit, so that a
 * forecast averages over plausible priors instead of trusting the point estimate (which, with
 * a few dozen sites, gives intervals that are too narrow). Works in θ = (ln α, ln μ), μ = α/β,
 * with a flat hyperprior on θ (α kept within its clamp). Nodes are placed by the Laplace
 * approximation at the maximum, θ̂ + L z with L Lᵀ the inverse curvature, and reweighted by
 * the true likelihood at each node (adaptive Gauss-Hermite). Rules: 'grid-9', the 3 × 3
 * Gauss-Hermite product; 'cubature-5', the centre and ±√3 along each axis (exact for cubics);
 * 'mean-only-3', three points in ln μ with α fixed. When α sits on a bound, or the surface is
 * too flat in ln α to give a curvature, only ln μ is integrated, as in 'mean-only-3'.
 */
export function hyperparameterNodes(
  sites: readonly SiteExposure[],
  fit: MaximumLikelihoodFit,
  rule: HyperparameterRule = 'cubature-5',
): WeightedPrior[] {
  const used = sites.filter((s) => s.daysOpen > 0);
  const lower = Math.log(ALPHA_BOUNDS.lower);
  const upper = Math.log(ALPHA_BOUNDS.upper);
  const ell = (u: number, w: number) => logLikelihood(used, Math.exp(u), Math.exp(u - w));
  const u0 = Math.log(fit.alpha);
  const w0 = Math.log(fit.alpha / fit.beta);
  const l0 = ell(u0, w0);
  const h = 1e-3;
  const huu = -(ell(u0 + h, w0) - 2 * l0 + ell(u0 - h, w0)) / (h * h);
  const hww = -(ell(u0, w0 + h) - 2 * l0 + ell(u0, w0 - h)) / (h * h);
  const huw =
    -(ell(u0 + h, w0 + h) - ell(u0 + h, w0 - h) - ell(u0 - h, w0 + h) + ell(u0 - h, w0 - h)) /
    (4 * h * h);
  const root3 = Math.sqrt(3);
  const oneD: [number, number][] = [
    [-root3, 1 / 6],
    [0, 2 / 3],
    [root3, 1 / 6],
  ];
  const nodes: { u: number; w: number; z2: number; weight: number }[] = [];
  const determinant = huu * hww - huw * huw;
  const twoD = fit.alphaAtBound === null && huu > 0 && determinant > 0 && rule !== 'mean-only-3';
  if (twoD) {
    // Σ = H⁻¹ and its Cholesky factor L, so θ = θ̂ + L z.
    const suu = hww / determinant;
    const sww = huu / determinant;
    const suw = -huw / determinant;
    const l11 = Math.sqrt(suu);
    const l21 = suw / l11;
    const l22 = Math.sqrt(Math.max(0, sww - l21 * l21));
    const pairs: [number, number, number][] =
      rule === 'grid-9'
        ? oneD.flatMap(([z1, v1]) =>
            oneD.map(([z2, v2]): [number, number, number] => [z1, z2, v1 * v2]),
          )
        : [
            [0, 0, 1 / 3],
            [root3, 0, 1 / 6],
            [-root3, 0, 1 / 6],
            [0, root3, 1 / 6],
            [0, -root3, 1 / 6],
          ];
    for (const [z1, z2, weight] of pairs) {
      nodes.push({
        u: Math.min(upper, Math.max(lower, u0 + l11 * z1)),
        w: w0 + l21 * z1 + l22 * z2,
        z2: z1 * z1 + z2 * z2,
        weight,
      });
    }
  } else {
    const sd = 1 / Math.sqrt(Math.max(hww, 1e-12));
    for (const [z, weight] of oneD) nodes.push({ u: u0, w: w0 + sd * z, z2: z * z, weight });
  }
  const raw = nodes.map((n) => {
    const value = ell(n.u, n.w);
    return Number.isFinite(value) ? n.weight * Math.exp(value - l0 + n.z2 / 2) : 0;
  });
  const total = raw.reduce((sum, x) => sum + x, 0);
  return nodes.map((n, i) => ({
    alpha: Math.exp(n.u),
    beta: Math.exp(n.u - n.w),
    weight: (raw[i] ?? 0) / total,
  }));
}
