// Generate the synthetic Midlands OMOP population as Parquet.
// Usage: npm run population:generate -- --persons 1000000 --seed 42 [--out DIR]
// Without --out the population is installed as the one the platform counts (DATA_DIR/omop).
import { parseArgs } from 'node:util';
import {
  generateIntoDataDir,
  generatePopulation,
} from '../src/features/feasibility/population/generate.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
    'reference-date': { type: 'string', default: '2026-01-01' },
  },
});

const persons = Number(values.persons);
const seed = Number(values.seed);
if (!Number.isSafeInteger(persons) || persons < 1) throw new Error('--persons: a positive integer');
if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed: a non-negative integer');
const referenceDate = values['reference-date'];

if (values.out) {
  const result = await generatePopulation({ persons, seed, outDir: values.out, referenceDate });
  console.log(JSON.stringify(result, null, 2));
} else {
  const dataDir = process.env.DATA_DIR ?? './data';
  const { manifest, seconds } = await generateIntoDataDir({
    dataDir,
    persons,
    seed,
    referenceDate,
  });
  console.log(JSON.stringify({ ...manifest, seconds }, null, 2));
}
