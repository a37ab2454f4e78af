// Generate the synthetic Midlands OMOP population as Parquet.
// Usage: tsx scripts/population-generate.ts --persons 1000000 --seed 42 --out data/population
import { parseArgs } from 'node:util';
import { generatePopulation } from '../src/features/feasibility/population/generate.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'data/population' },
    'reference-date': { type: 'string', default: '2026-01-01' },
  },
});

const persons = Number(values.persons);
const seed = Number(values.seed);
if (!Number.isSafeInteger(persons) || persons < 1) throw new Error('--persons: a positive integer');
if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed: a non-negative integer');

const result = await generatePopulation({
  persons,
  seed,
  outDir: values.out,
  referenceDate: values['reference-date'],
});
console.log(JSON.stringify(result, null, 2));
