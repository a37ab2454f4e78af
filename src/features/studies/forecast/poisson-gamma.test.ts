import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  fitMaximumLikelihood,
  gammaMixtureQuantile,
  gammaQuantile,
  hyperparameterNodes,
  lnGamma,
  lnGammaRatio,
  logLikelihood,
  logLowerTailBound,
  logNegativeBinomialPmf,
  negativeBinomialPmf,
  posteriorRate,
  probabilityAtLeast,
  profileBeta,
  regularizedLowerGamma,
  smallestWhole,
  sumPmf,
  type PoissonGammaCount,
} from './poisson-gamma.js';
import { sampleGamma, samplePoisson, seededRandom } from './simulate.js';

const close = (actual: number, expected: number, relative: number, message?: string) =>
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected)),
    `${message ?? ''} expected ${expected}, got ${actual}`,
  );

test('ln Γ matches known values to about 13 digits, including below 1 and for large x', () => {
  close(lnGamma(1), 0, 1e-14);
  close(lnGamma(2), 0, 1e-14);
  close(lnGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
  close(lnGamma(0.1), 2.252712651734206, 1e-13);
  close(lnGamma(10), Math.log(362880), 1e-14);
  close(lnGamma(100), 359.1342053695754, 1e-13);
  close(lnGamma(1e5), 1051287.7089736569, 1e-13);
});

test('ln Γ(a + n) - ln Γ(a) agrees whether summed directly or from ln Γ', () => {
  for (const a of [0.05, 1.3, 20, 1e4]) {
    for (const n of [0, 1, 7, 64, 65, 500]) {
      close(lnGammaRatio(a, n), lnGamma(a + n) - lnGamma(a), 1e-11, `a=${a} n=${n}`);
    }
  }
});

test('the negative binomial marginal sums to 1 with mean shape × exposure / rate', () => {
  const count = { shape: 1.7, rate: 3.2, exposure: 45 };
  let total = 0;
  let mean = 0;
  for (let k = 0; k < 5000; k++) {
    const p = negativeBinomialPmf(k, count);
    total += p;
    mean += k * p;
  }
  close(total, 1, 1e-12);
  close(mean, (1.7 * 45) / 3.2, 1e-10);
  assert.equal(logNegativeBinomialPmf(3, { ...count, exposure: 0 }), -Infinity);
  assert.equal(logNegativeBinomialPmf(0, { ...count, exposure: 0 }), 0);
});

test('with a very large shape the marginal is the Poisson distribution of the mean rate', () => {
  const count = { shape: 1e9, rate: 2e9, exposure: 20 }; // rate 0.5/day, mean 10
  for (const k of [0, 5, 10, 20]) {
    const poisson = Math.exp(-10 + k * Math.log(10) - lnGamma(k + 1));
    close(negativeBinomialPmf(k, count), poisson, 1e-6, `k=${k}`);
  }
});

/** P(Σ ≥ r) by plain convolution of each count's pmf, truncated below r. */
function bruteForceAtLeast(counts: readonly PoissonGammaCount[], r: number): number {
  let pmf = [1, ...Array<number>(r - 1).fill(0)];
  for (const count of counts) {
    const own = Array.from({ length: r }, (_, k) => negativeBinomialPmf(k, count));
    pmf = pmf.map((_, k) => {
      let sum = 0;
      for (let j = 0; j <= k; j++) sum += (pmf[j] ?? 0) * (own[k - j] ?? 0);
      return sum;
    });
  }
  return 1 - pmf.reduce((sum, p) => sum + p, 0);
}

test('the distribution of the total equals the convolution of the sites’ negative binomials', () => {
  const count = fc.record({
    shape: fc.double({ min: 0.05, max: 60, noNaN: true }),
    rate: fc.double({ min: 0.05, max: 300, noNaN: true }),
    exposure: fc.double({ min: 0, max: 200, noNaN: true }),
  });
  fc.assert(
    fc.property(
      fc.array(count, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 1, max: 80 }),
      (counts, r) => {
        const exact = probabilityAtLeast(counts, r);
        const brute = bruteForceAtLeast(counts, r);
        assert.ok(Math.abs(exact - brute) < 1e-10, `recursion ${exact}, convolution ${brute}`);
      },
    ),
    { seed: 20070613, numRuns: 300 },
  );
});

test('the total is exact where P(N = 0) underflows: sites sharing q sum to one negative binomial', () => {
  // 100 sites of NB(10, q = 5/6): the total is NB(1000, 5/6), mean 5000, P(N = 0) = 6^-1000.
  const counts = Array.from({ length: 100 }, () => ({ shape: 10, rate: 1, exposure: 5 }));
  const merged = { shape: 1000, rate: 1, exposure: 5 };
  for (const r of [4000, 5000, 6000]) {
    let below = 0;
    for (let k = 0; k < r; k++) below += negativeBinomialPmf(k, merged);
    close(probabilityAtLeast(counts, r), 1 - below, 1e-10, `r=${r}`);
  }
  const pmf = sumPmf(counts, 6000);
  close(pmf[5000] ?? 0, negativeBinomialPmf(5000, merged), 1e-9);
});

test('more time or more sites never makes reaching the target less likely', () => {
  const site = (exposure: number): PoissonGammaCount => ({ shape: 3, rate: 10, exposure });
  let previous = 0;
  for (let t = 0; t <= 400; t += 20) {
    const p = probabilityAtLeast([site(t), site(t / 2)], 30);
    assert.ok(p >= previous - 1e-15, `t=${t}`);
    previous = p;
  }
  assert.equal(probabilityAtLeast([site(100)], 0), 1);
  assert.equal(probabilityAtLeast([site(0)], 1), 0);
  assert.equal(probabilityAtLeast([], 1), 0);
});

test('Chernoff’s bound, used to skip certain answers, never undercuts the exact tail', () => {
  const count = fc.record({
    shape: fc.double({ min: 0.05, max: 60, noNaN: true }),
    rate: fc.double({ min: 0.05, max: 300, noNaN: true }),
    exposure: fc.double({ min: 0, max: 400, noNaN: true }),
  });
  fc.assert(
    fc.property(
      fc.array(count, { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 0, max: 300 }),
      (counts, c) => {
        const exact = Math.log(sumPmf(counts, c).reduce((sum, p) => sum + p, 0));
        assert.ok(logLowerTailBound(counts, c) >= exact - 1e-9);
      },
    ),
    { seed: 4958, numRuns: 300 },
  );
});

test('the regularised incomplete gamma and its inverse agree with known chi-square quantiles', () => {
  close(regularizedLowerGamma(1, 2), 1 - Math.exp(-2), 1e-14);
  close(regularizedLowerGamma(30, 25), 0.18210391597745, 1e-11); // P(χ²₆₀ ≤ 50), from SciPy
  // χ²_k is Gamma(k/2, rate 1/2).
  close(gammaQuantile(0.9, { shape: 0.5, rate: 0.5 }), 2.705543454, 1e-8);
  close(gammaQuantile(0.1, { shape: 5, rate: 0.5 }), 4.865182052, 1e-8);
  close(gammaQuantile(0.9, { shape: 5, rate: 0.5 }), 15.98717917, 1e-8);
  for (const shape of [0.05, 0.7, 3, 250, 1e4 + 300]) {
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      const x = gammaQuantile(p, { shape, rate: 2 });
      close(regularizedLowerGamma(shape, 2 * x), p, 1e-9, `shape=${shape} p=${p}`);
    }
  }
});

test('a Gamma mixture’s quantile lies between its parts’ and inverts its distribution function', () => {
  const mixture = [
    { shape: 3, rate: 10, weight: 0.25 },
    { shape: 30, rate: 60, weight: 0.75 },
  ];
  for (const p of [0.1, 0.5, 0.9]) {
    const x = gammaMixtureQuantile(p, mixture);
    const cdf = mixture.reduce(
      (sum, g) => sum + g.weight * regularizedLowerGamma(g.shape, g.rate * x),
      0,
    );
    close(cdf, p, 1e-10, `p=${p}`);
    const parts = mixture.map((g) => gammaQuantile(p, g));
    assert.ok(x >= Math.min(...parts) && x <= Math.max(...parts));
  }
  close(
    gammaMixtureQuantile(0.9, [{ shape: 4, rate: 2, weight: 1 }]),
    gammaQuantile(0.9, { shape: 4, rate: 2 }),
    1e-15,
  );
});

test('the profiled β sets the β-derivative of the log-likelihood to zero', () => {
  const sites = [
    { recruited: 4, daysOpen: 30 },
    { recruited: 20, daysOpen: 90 },
    { recruited: 0, daysOpen: 15 },
  ];
  for (const alpha of [0.2, 1, 30]) {
    const beta = profileBeta(sites, alpha);
    const h = beta * 1e-5;
    const slope =
      (logLikelihood(sites, alpha, beta + h) - logLikelihood(sites, alpha, beta - h)) / (2 * h);
    assert.ok(Math.abs(slope * beta) < 1e-5, `alpha=${alpha}: slope ${slope}`);
  }
});

test('maximum likelihood recovers α and β from 200 sites simulated from the model', () => {
  // True α = 1.5, β = 3 (mean 0.5 per day, CV 0.82); days open 30 to 365. With 200 sites the
  // standard error of α̂ is about 10% and of the mean rate about 6%, so the tolerances below
  // (25% for α and β, 10% for the mean) sit at roughly 2.5 standard errors.
  const random = seededRandom(2007);
  const sites = Array.from({ length: 200 }, () => {
    const daysOpen = 30 + Math.floor(random() * 336);
    const rate = sampleGamma(random, 1.5, 3);
    return { recruited: samplePoisson(random, rate * daysOpen), daysOpen };
  });
  const fit = fitMaximumLikelihood(sites);
  assert.ok(fit);
  close(fit.alpha, 1.5, 0.25 * 1.5, 'alpha');
  close(fit.beta, 3, 0.25 * 3, 'beta');
  close(fit.alpha / fit.beta, 0.5, 0.1 * 0.5, 'mean rate');
  assert.equal(fit.alphaAtBound, null);
  // It is a maximum: no nearby point, nor the truth, is more likely.
  assert.ok(fit.logLikelihood >= logLikelihood(sites, 1.5, 3));
  for (const [da, db] of [
    [1.01, 1],
    [0.99, 1],
    [1, 1.01],
    [1, 0.99],
    [1.01, 1.01],
    [0.99, 0.99],
  ] as const) {
    assert.ok(fit.logLikelihood >= logLikelihood(sites, fit.alpha * da, fit.beta * db));
  }
});

test('sites recruiting at one common rate push α to its upper clamp; no recruits gives no fit', () => {
  const same = Array.from({ length: 10 }, () => ({ recruited: 50, daysOpen: 100 }));
  const fit = fitMaximumLikelihood(same);
  assert.ok(fit);
  assert.equal(fit.alphaAtBound, 'upper');
  close(fit.alpha, 1e4, 1e-6);
  close(fit.alpha / fit.beta, 0.5, 1e-9);
  assert.equal(
    fitMaximumLikelihood([
      { recruited: 0, daysOpen: 100 },
      { recruited: 0, daysOpen: 50 },
    ]),
    undefined,
  );
  assert.equal(fitMaximumLikelihood([{ recruited: 3, daysOpen: 0 }]), undefined);
});

test('the nodes over (α, β) carry weights summing to 1 around the fit, with the right spread', () => {
  const random = seededRandom(31);
  const sites = Array.from({ length: 40 }, () => {
    const daysOpen = 60 + Math.floor(random() * 200);
    return { recruited: samplePoisson(random, sampleGamma(random, 2, 4) * daysOpen), daysOpen };
  });
  const fit = fitMaximumLikelihood(sites);
  assert.ok(fit);
  for (const rule of ['grid-9', 'cubature-5', 'mean-only-3'] as const) {
    const nodes = hyperparameterNodes(sites, fit, rule);
    assert.equal(nodes.length, { 'grid-9': 9, 'cubature-5': 5, 'mean-only-3': 3 }[rule]);
    close(
      nodes.reduce((sum, n) => sum + n.weight, 0),
      1,
      1e-12,
    );
    // ln μ is centred on the fit, spread by about its standard error, CV/√(sites) ≈ 0.7/√40.
    const lnMu = nodes.map((n) => Math.log(n.alpha / n.beta));
    const centre = nodes.reduce((sum, n, i) => sum + n.weight * (lnMu[i] ?? 0), 0);
    const spread = Math.sqrt(
      nodes.reduce((sum, n, i) => sum + n.weight * ((lnMu[i] ?? 0) - centre) ** 2, 0),
    );
    close(centre, Math.log(fit.alpha / fit.beta), 0.02, rule);
    assert.ok(spread > 0.07 && spread < 0.16, `${rule}: spread ${spread}`);
  }
  // With α on its clamp only the mean rate is uncertain.
  const same = Array.from({ length: 10 }, () => ({ recruited: 50, daysOpen: 100 }));
  const sameFit = fitMaximumLikelihood(same);
  assert.ok(sameFit);
  const nodes = hyperparameterNodes(same, sameFit);
  assert.equal(nodes.length, 3);
  for (const node of nodes) close(node.alpha, 1e4, 1e-9);
});

test('very uneven sites give a small α', () => {
  const sites = [
    ...Array.from({ length: 8 }, () => ({ recruited: 0, daysOpen: 200 })),
    { recruited: 150, daysOpen: 200 },
    { recruited: 90, daysOpen: 200 },
  ];
  const fit = fitMaximumLikelihood(sites);
  assert.ok(fit && fit.alpha < 0.3, `alpha ${fit?.alpha}`);
});

test('a site’s posterior adds its recruits to the shape and its days to the rate', () => {
  assert.deepEqual(posteriorRate({ shape: 2, rate: 4 }, { recruited: 40, daysOpen: 50 }), {
    shape: 42,
    rate: 54,
  });
});

test('the smallest whole number search finds the first true value or reports none', () => {
  assert.equal(
    smallestWhole(1, 100, (t) => t >= 37),
    37,
  );
  assert.equal(
    smallestWhole(1, 100, () => true),
    1,
  );
  assert.equal(
    smallestWhole(0, 100, (t) => t > 100),
    undefined,
  );
});

test('the test samplers have the right mean and variance', () => {
  const random = seededRandom(1);
  const draws = 100_000;
  for (const [shape, rate] of [
    [0.4, 2],
    [1.5, 3],
    [40, 0.5],
  ] as const) {
    const xs = Array.from({ length: draws }, () => sampleGamma(random, shape, rate));
    const mean = xs.reduce((s, x) => s + x, 0) / draws;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / draws;
    close(mean, shape / rate, 0.02 * (shape / rate), `gamma mean ${shape}`);
    close(variance, shape / rate ** 2, 0.06 * (shape / rate ** 2), `gamma variance ${shape}`);
  }
  for (const m of [0.3, 7, 55, 800]) {
    const xs = Array.from({ length: draws }, () => samplePoisson(random, m));
    const mean = xs.reduce((s, x) => s + x, 0) / draws;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / draws;
    close(mean, m, 0.02 * m, `poisson mean ${m}`);
    close(variance, m, 0.04 * m, `poisson variance ${m}`);
  }
});
