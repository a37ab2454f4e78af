/**
 * npm run bench:feasibility -- --persons 10000000 — the fast engine against the reference SQL on
 * DuckDB over a synthetic population: index build time, peak memory, and for a fixed suite of
 * count queries the median and p95 of 5 timed runs after a warm-up, their ratio and whether the
 * counts agree.
 *
 *   tsx bench/feasibility.ts [--persons N] [--seed S] [--runs 5] [--data-dir DIR]
 *
 * The population is generated (in a child process, so its memory is not counted here) into
 * DATA_DIR/bench-<persons>-<seed>/omop unless it is already there.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { CriteriaNode } from '../src/features/feasibility/criteria.js';
import { AGE_BANDS } from '../src/features/feasibility/engine/age-bands.js';
import { type RawCounts, countPlan, plan } from '../src/features/feasibility/engine/evaluate.js';
import {
  type PersonIndex,
  buildPersonIndex,
} from '../src/features/feasibility/engine/person-index.js';
import {
  type ReferenceRunner,
  duckdbReference,
} from '../src/features/feasibility/engine/reference-runner.js';
import {
  countByCareSiteAndAgeBandSql,
  countByCareSiteSql,
  countSql,
} from '../src/features/feasibility/engine/reference-sql.js';
import { populationDirectory, readManifest } from '../src/features/feasibility/population/store.js';
import { TEMPLATES } from '../src/features/feasibility/templates.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '10000000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '5' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR ?? './data' },
  },
});
const persons = Number(values.persons);
const runs = Number(values.runs);
if (!Number.isSafeInteger(persons) || persons < 1) throw new Error('--persons: a positive integer');
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error('--runs: a positive integer');

const snomed = (code: string) => `SNOMED:${code}`;
/** Eleven common long-term conditions; dementia is the one excluded. */
const eleven = [
  '38341003', // hypertensive disorder
  '44054006', // type 2 diabetes mellitus
  '13645005', // chronic obstructive lung disease
  '195967001', // asthma
  '84114007', // heart failure
  '49436004', // atrial fibrillation
  '53741008', // coronary arteriosclerosis
  '709044004', // chronic kidney disease
  '35489007', // depressive disorder
  '396275006', // osteoarthritis
  '64859006', // osteoporosis
].map(snomed);
const template = (id: string) => {
  const found = TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found.criteria;
};

type Breakdown = 'total' | 'site' | 'site-age';
const suite: { label: string; breakdown: Breakdown; criteria: CriteriaNode }[] = [
  {
    label: 'women 65+ with osteoarthritis',
    breakdown: 'total',
    criteria: {
      all: [
        { type: 'sex', value: 'female' },
        { type: 'age', min: 65 },
        { type: 'condition', concepts: [snomed('396275006')] },
      ],
    },
  },
  {
    label: '60+, 2+ of 11 conditions, no dementia, by trust',
    breakdown: 'site',
    criteria: {
      all: [
        { type: 'age', min: 60 },
        { type: 'conditionCount', concepts: eleven, atLeast: 2 },
        { not: { type: 'condition', concepts: [snomed('52448006')] } },
      ],
    },
  },
  {
    label: 'probable sarcopenia (EWGSOP2), by trust',
    breakdown: 'site',
    criteria: template('sarcopenia-probable'),
  },
  {
    label: 'inpatient at trust 1 in the last year + T2 diabetes + metformin, by trust',
    breakdown: 'site',
    criteria: {
      all: [
        { type: 'visit', visitType: 'inpatient', careSite: '1', withinDays: 365 },
        { type: 'condition', concepts: [snomed('44054006')] },
        { type: 'drug', concepts: ['RXNORM:6809'], withinDays: 365 },
      ],
    },
  },
  {
    label: 'multimorbidity (2+ of 48), by trust x age band',
    breakdown: 'site-age',
    criteria: template('multimorbidity'),
  },
  {
    label: 'severe sarcopenia (EWGSOP2), by trust',
    breakdown: 'site',
    criteria: template('sarcopenia-severe'),
  },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] as number;
};
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number[]; result: T }> {
  let result = await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    result = await work();
    ms.push(performance.now() - started);
  }
  return { ms, result };
}

/** The fast engine's answer in the same shape as the reference's: "site|band" → count. */
function fastTable(index: PersonIndex, counts: RawCounts, breakdown: Breakdown) {
  const table = new Map<string, number>();
  const siteId = (i: number) => index.careSites[i]?.id ?? '';
  if (breakdown === 'total') table.set('', counts.total);
  if (breakdown === 'site') counts.byCareSite.forEach((n, i) => n && table.set(siteId(i), n));
  if (breakdown === 'site-age') {
    counts.byCareSiteAndAgeBand.forEach((bands, i) =>
      bands.forEach((n, band) => n && table.set(`${siteId(i)}|${band}`, n)),
    );
  }
  return table;
}

async function referenceTable(runner: ReferenceRunner, sql: string, breakdown: Breakdown) {
  const rows = await runner.rows(sql);
  const table = new Map<string, number>();
  for (const row of rows) {
    const n = Number(row[row.length - 1]);
    const [siteId, band] = row as [bigint | null, number];
    const site = siteId === null || breakdown === 'total' ? '' : String(siteId);
    table.set(breakdown === 'site-age' ? `${site}|${band}` : site, n);
  }
  return table;
}

const sameTable = (a: Map<string, number>, b: Map<string, number>) =>
  a.size === b.size && [...a].every(([key, n]) => b.get(key) === n);

const dataDir = join(values['data-dir'], `bench-${persons}-${values.seed}`);
const directory = populationDirectory(dataDir);
const existing = await readManifest(directory);
if (existing?.persons !== persons) {
  console.log(`Generating ${persons.toLocaleString('en-GB')} persons into ${directory} ...`);
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/population-generate.ts',
      `--persons=${persons}`,
      `--seed=${values.seed}`,
    ],
    { env: { ...process.env, DATA_DIR: dataDir }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (child.status !== 0) throw new Error('population generation failed');
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

console.log(`\nFeasibility benchmark: ${persons.toLocaleString('en-GB')} synthetic persons`);
console.log(
  `${os.cpus().length} cores, Node ${process.version}, ${runs} timed runs after a warm-up`,
);
const index = await buildPersonIndex(directory);
const rows = (lists: { persons: Uint32Array }) => lists.persons.length.toLocaleString('en-GB');
console.log(
  `index build: ${index.buildSeconds.toFixed(1)} s (${rows(index.conditions)} condition, ` +
    `${rows(index.drugs)} drug, ${rows(index.visits)} visit, ${rows(index.measurements)} measurement entries)`,
);

const runner = await duckdbReference(directory);
const context = { referenceDate: index.manifest.referenceDate };
const results: string[][] = [];
let allAgree = true;
let worstMedian = 0;
for (const query of suite) {
  const resolved = plan(index, query.criteria);
  if (!resolved.ok) throw new Error(`${query.label}: ${JSON.stringify(resolved.problems)}`);
  const fast = await timed(() => countPlan(index, resolved.plan));
  const sql = {
    total: countSql,
    site: countByCareSiteSql,
    'site-age': countByCareSiteAndAgeBandSql,
  }[query.breakdown](query.criteria, context);
  const reference = await timed(() => referenceTable(runner, sql, query.breakdown));
  const agree = sameTable(fastTable(index, fast.result, query.breakdown), reference.result);
  allAgree &&= agree;
  worstMedian = Math.max(worstMedian, median(fast.ms));
  results.push([
    query.label,
    fast.result.total.toLocaleString('en-GB'),
    median(fast.ms).toFixed(1),
    p95(fast.ms).toFixed(1),
    median(reference.ms).toFixed(0),
    p95(reference.ms).toFixed(0),
    `${(median(reference.ms) / median(fast.ms)).toFixed(0)}x`,
    agree ? 'yes' : 'NO',
  ]);
}
await runner.close();

const header = [
  'query',
  'count',
  'fast p50 ms',
  'fast p95 ms',
  'SQL p50 ms',
  'SQL p95 ms',
  'ratio',
  'agree',
];
const widths = header.map((h, i) =>
  Math.max(h.length, ...results.map((r) => (r[i] as string).length)),
);
const line = (cells: string[]) =>
  cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
    .join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of results) console.log(line(row));

const peak = process.resourceUsage().maxRSS * 1024;
console.log(`\nage bands: ${AGE_BANDS.map((b) => b.label).join(', ')}`);
console.log(`peak memory (max RSS of this process): ${gb(peak)}`);
console.log(
  `targets: every median < 150 ms: ${worstMedian < 150 ? 'met' : 'NOT met'} (worst ${worstMedian.toFixed(1)} ms); ` +
    `index build < 120 s: ${index.buildSeconds < 120 ? 'met' : 'NOT met'}; peak < 6 GB: ${peak < 6 * 1024 ** 3 ? 'met' : 'NOT met'}; ` +
    `counts agree: ${allAgree ? 'yes' : 'NO'}`,
);
if (!allAgree) process.exitCode = 1;
