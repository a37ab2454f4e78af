/**
 * npm run bench:directory — load time and capability-search latency of the directory with 10,000
 * and 100,000 generated SAMPLE capabilities, on the embedded database and (when TEST_DATABASE_URL
 * is set) a PostgreSQL server, each in a fresh database or schema of its own.
 *
 *   tsx bench/directory.ts [--sizes 10000,100000] [--rounds N] [--batch-size N]
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadDirectory, type DirectoryLoad } from '../src/features/directory/bulk-load.js';
import { generateSampleDirectory } from '../src/features/directory/sample-data/generate.js';
import { capabilitySearchParameters } from '../src/features/directory/schema.js';
import { DirectorySearch } from '../src/features/directory/service.js';
import { PublicSite } from '../src/features/public-site/service.js';
import type { Database, DatabaseEngine } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openInMemoryDatabase } from '../src/platform/db/pglite.js';
import { openServerDatabase } from '../src/platform/db/postgres.js';

/** p95 targets for the whole mix on the embedded database, by number of capabilities. */
const embeddedTargets = new Map<number, number>([
  [10_000, 30],
  [100_000, 150],
]);

/** The fixed mix: each entry is a query object as the page or the API would receive it. */
const searches: { label: string; query: Record<string, string> }[] = [
  { label: 'word: sarcopenia', query: { q: 'sarcopenia' } },
  { label: 'word: muscle', query: { q: 'muscle' } },
  { label: 'word: frailty', query: { q: 'frailty' } },
  { label: 'word: dementia', query: { q: 'dementia' } },
  { label: 'phrase: "grip strength"', query: { q: '"grip strength"' } },
  { label: 'phrase: "heart failure"', query: { q: '"heart failure"' } },
  { label: 'typo: sarcopnia', query: { q: 'sarcopnia' } },
  { label: 'typo: multimorbidty', query: { q: 'multimorbidty' } },
  { label: 'facet: type=imaging', query: { type: 'imaging' } },
  {
    label: 'facets: musculoskeletal+nottingham',
    query: { category: 'musculoskeletal', location: 'nottingham' },
  },
  {
    label: 'combined: sarcopenia+cohort+msk',
    query: { q: 'sarcopenia', type: 'cohort-dataset', category: 'musculoskeletal' },
  },
  { label: 'empty (all, page 1)', query: {} },
];

const parsedSearches = searches.map((search) => ({
  label: search.label,
  parameters: capabilitySearchParameters.parse(search.query),
}));

interface Options {
  sizes: number[];
  rounds: number | undefined;
  batchSize: number | undefined;
}

function positiveInteger(value: string, flag: string): number {
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${flag} takes whole numbers of 1 or more, not "${value}"`);
  }
  return number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      rounds: { type: 'string' },
      'batch-size': { type: 'string' },
    },
    strict: true,
  });
  return {
    sizes: (values.sizes ?? '10000,100000')
      .split(',')
      .map((size) => positiveInteger(size.trim(), '--sizes')),
    rounds: values.rounds === undefined ? undefined : positiveInteger(values.rounds, '--rounds'),
    batchSize:
      values['batch-size'] === undefined
        ? undefined
        : positiveInteger(values['batch-size'], '--batch-size'),
  };
}

/** Nearest-rank percentile of already sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

const ms = (value: number) => Number(value.toFixed(1));
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;

interface BenchDatabase {
  database: Database;
  dispose(): Promise<void>;
}

async function openBenchDatabase(engine: DatabaseEngine): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const { database } = await openInMemoryDatabase();
    return { database, dispose: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const database = openServerDatabase({ url, schema });
  return {
    database,
    async dispose() {
      try {
        await database.close();
      } finally {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`drop schema if exists ${schema} cascade`);
        } finally {
          await client.end();
        }
      }
    },
  };
}

async function engineVersion(database: Database): Promise<string> {
  const rows = await database.query<{ version: string }>('select version() as version');
  return (rows[0]?.version ?? 'unknown').split(',')[0] ?? 'unknown';
}

interface Timed {
  label: string;
  samples: number[];
  hits: number;
  corrected: string | null;
}

async function runMix(search: DirectorySearch, rounds: number): Promise<Timed[]> {
  // Warm-up: one pass over the whole mix, so caches and plans are in place.
  for (const { parameters } of parsedSearches) await search.searchCapabilities(parameters);
  const results: Timed[] = [];
  for (const { label, parameters } of parsedSearches) {
    const samples: number[] = [];
    let hits = 0;
    let corrected: string | null = null;
    for (let round = 0; round < rounds; round += 1) {
      const start = performance.now();
      const result = await search.searchCapabilities(parameters);
      samples.push(performance.now() - start);
      hits = result.total;
      corrected = result.correctedQuery;
    }
    results.push({ label, samples: samples.sort((a, b) => a - b), hits, corrected });
  }
  return results;
}

async function benchOne(
  engine: DatabaseEngine,
  size: number,
  load: DirectoryLoad,
  options: Options,
): Promise<void> {
  const rounds = options.rounds ?? (size <= 10_000 ? 20 : 10);
  const bench = await openBenchDatabase(engine);
  const { database } = bench;
  try {
    const version = await engineVersion(database);
    await migrate(database);
    await new PublicSite(database).seedReferenceContent();

    const loadStart = performance.now();
    await loadDirectory(database, load, {
      status: 'published',
      isSample: true,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    const loadMs = performance.now() - loadStart;
    const analyzeStart = performance.now();
    await database.query(
      'analyze organisation, directory_person, capability, capability_person, directory_word',
    );
    const analyzeMs = performance.now() - analyzeStart;
    const [counts] = await database.query<{ capabilities: number; people: number; words: number }>(
      `select (select count(*)::int from capability) as capabilities,
         (select count(*)::int from directory_person) as people,
         (select count(*)::int from directory_word) as words`,
    );

    const results = await runMix(new DirectorySearch(database), rounds);
    const all = results.flatMap((result) => result.samples).sort((a, b) => a - b);
    const p50 = percentile(all, 50);
    const p95 = percentile(all, 95);
    const target = embeddedTargets.get(size);

    console.log(
      `\n== ${engine} (${version}), ${size.toLocaleString('en-GB')} capabilities ` +
        `(load average now ${os.loadavg()[0]?.toFixed(2) ?? '?'}) ==`,
    );
    console.log(
      `loaded ${counts?.capabilities.toLocaleString('en-GB')} capabilities, ` +
        `${counts?.people.toLocaleString('en-GB')} people, ` +
        `${counts?.words.toLocaleString('en-GB')} vocabulary words in ${seconds(loadMs)} ` +
        `(analyze ${seconds(analyzeMs)}); ${rounds} rounds per query after one warm-up`,
    );
    console.table(
      results.map((result) => ({
        query: result.label,
        'p50 ms': ms(percentile(result.samples, 50)),
        'p95 ms': ms(percentile(result.samples, 95)),
        hits: result.hits,
        'searched for': result.corrected ?? '',
      })),
    );
    const verdict =
      target === undefined
        ? 'no target at this size'
        : engine === 'pglite'
          ? `target p95 < ${target} ms: ${p95 < target ? 'PASS' : 'MISS'}`
          : `embedded target p95 < ${target} ms (reference only on the server): ${p95 < target ? 'PASS' : 'MISS'}`;
    console.log(
      `overall (${all.length} searches): p50 ${ms(p50)} ms, p95 ${ms(p95)} ms — ${verdict}`,
    );
  } finally {
    await bench.dispose();
  }
}

const options = readOptions();
const engines: DatabaseEngine[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];
const cpus = os.cpus();
console.log(
  `bench:directory — ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, ${os.platform()} ${os.release()}, ` +
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}; ` +
    `sizes ${options.sizes.join(', ')}; engines ${engines.join(', ')}`,
);
for (const size of options.sizes) {
  const generateStart = performance.now();
  const load = generateSampleDirectory({
    seed: 7,
    capabilities: size,
    people: Math.round(size / 2),
  });
  console.log(
    `\ngenerated ${load.capabilities.length.toLocaleString('en-GB')} capabilities, ` +
      `${load.people.length.toLocaleString('en-GB')} people, ${load.organisations.length} organisations ` +
      `in ${seconds(performance.now() - generateStart)}`,
  );
  for (const engine of engines) await benchOne(engine, size, load, options);
}
