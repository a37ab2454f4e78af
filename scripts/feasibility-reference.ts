// Counts criteria with the reference SQL: on DuckDB over the installed population (DATA_DIR/omop),
// or on PostgreSQL when OMOP_DATABASE_URL is set (tables in the schema OMOP_SCHEMA, default cdm),
// so a trust with OMOP on PostgreSQL can check the engine's answers against its own data.
// Usage: npm run feasibility:reference -- --criteria '{"type":"age","min":65}' [--by-site] [--raw]
//        npm run feasibility:reference -- --criteria-file query.json
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseCriteria } from '../src/features/feasibility/criteria.js';
import { protectCount } from '../src/features/feasibility/disclosure.js';
import {
  duckdbReference,
  postgresReference,
  referenceCount,
  referenceCountsByCareSite,
} from '../src/features/feasibility/engine/reference-runner.js';
import { populationDirectory, readManifest } from '../src/features/feasibility/population/store.js';

const { values } = parseArgs({
  options: {
    criteria: { type: 'string' },
    'criteria-file': { type: 'string' },
    'reference-date': { type: 'string' },
    'by-site': { type: 'boolean', default: false },
    raw: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const text =
  values.criteria ??
  (values['criteria-file'] ? await readFile(values['criteria-file'], 'utf8') : undefined);
if (!text) fail('Give the criteria with --criteria JSON or --criteria-file FILE');
let input: unknown;
try {
  input = JSON.parse(text);
} catch {
  fail('The criteria are not valid JSON');
}
const parsed = parseCriteria(
  input && typeof input === 'object' && 'criteria' in input ? input.criteria : input,
);
if (!parsed.ok) {
  fail(parsed.problems.map((p) => `${p.path || 'criteria'}: ${p.message}`).join('\n'));
}

const url = process.env.OMOP_DATABASE_URL;
const directory = populationDirectory(process.env.DATA_DIR ?? './data');
const manifest = url ? undefined : await readManifest(directory);
const referenceDate = values['reference-date'] ?? manifest?.referenceDate;
if (!referenceDate || !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
  fail(
    'Give the reference date with --reference-date YYYY-MM-DD (no installed population says it)',
  );
}
const runner = url
  ? await postgresReference(url, process.env.OMOP_SCHEMA ?? 'cdm')
  : await duckdbReference(directory);
// Counts leave this script disclosure-controlled unless the data's custodian asks for --raw.
const shown = (n: number) => {
  if (values.raw) return String(n);
  const count = protectCount(n);
  return count.suppressed ? 'suppressed (1-7)' : String(count.value);
};
try {
  const context = { referenceDate };
  const started = performance.now();
  const total = await referenceCount(runner, parsed.criteria, context);
  console.log(`engine: ${runner.engine}, reference date ${referenceDate}`);
  console.log(`total: ${shown(total)} (${(performance.now() - started).toFixed(0)} ms)`);
  if (values['by-site']) {
    const bySite = await referenceCountsByCareSite(runner, parsed.criteria, context);
    for (const [site, n] of [...bySite].sort(([a], [b]) =>
      a.localeCompare(b, 'en', { numeric: true }),
    )) {
      console.log(`  care site ${site || '(none)'}: ${shown(n)}`);
    }
  }
} finally {
  await runner.close();
}
