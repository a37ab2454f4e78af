// Where the population the feasibility engine counts lives: one folder of OMOP CDM Parquet files
// (DATA_DIR/omop) with a manifest. A new population (generated or imported) is written to a
// staging folder beside it and swapped in only when complete, so a failed run loses nothing.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * The tables a population folder always holds, each as `<name>.parquet`, with at least the
 * columns in `REQUIRED_COLUMNS` (more are kept when the source had them). A table the source
 * lacked is written empty with those columns.
 */
export const POPULATION_TABLES = [
  'person',
  'observation_period',
  'visit_occurrence',
  'condition_occurrence',
  'measurement',
  'drug_exposure',
  'care_site',
  'location',
  'concept',
  'concept_ancestor',
] as const;
export type PopulationTable = (typeof POPULATION_TABLES)[number];

/** The columns the engine and the reference SQL read, with their DuckDB types. */
export const REQUIRED_COLUMNS: Record<PopulationTable, Record<string, string>> = {
  person: {
    person_id: 'BIGINT',
    gender_concept_id: 'INTEGER',
    year_of_birth: 'INTEGER',
    month_of_birth: 'INTEGER',
    day_of_birth: 'INTEGER',
    care_site_id: 'BIGINT',
  },
  observation_period: {
    observation_period_id: 'BIGINT',
    person_id: 'BIGINT',
    observation_period_start_date: 'DATE',
    observation_period_end_date: 'DATE',
  },
  visit_occurrence: {
    visit_occurrence_id: 'BIGINT',
    person_id: 'BIGINT',
    visit_concept_id: 'INTEGER',
    visit_start_date: 'DATE',
    care_site_id: 'BIGINT',
  },
  condition_occurrence: {
    condition_occurrence_id: 'BIGINT',
    person_id: 'BIGINT',
    condition_concept_id: 'INTEGER',
    condition_start_date: 'DATE',
  },
  measurement: {
    measurement_id: 'BIGINT',
    person_id: 'BIGINT',
    measurement_concept_id: 'INTEGER',
    measurement_date: 'DATE',
    value_as_number: 'DOUBLE',
  },
  drug_exposure: {
    drug_exposure_id: 'BIGINT',
    person_id: 'BIGINT',
    drug_concept_id: 'INTEGER',
    drug_exposure_start_date: 'DATE',
  },
  care_site: { care_site_id: 'BIGINT', care_site_name: 'VARCHAR' },
  location: { location_id: 'BIGINT' },
  concept: {
    concept_id: 'INTEGER',
    concept_name: 'VARCHAR',
    domain_id: 'VARCHAR',
    vocabulary_id: 'VARCHAR',
    concept_class_id: 'VARCHAR',
    standard_concept: 'VARCHAR',
    concept_code: 'VARCHAR',
  },
  concept_ancestor: {
    ancestor_concept_id: 'INTEGER',
    descendant_concept_id: 'INTEGER',
    min_levels_of_separation: 'INTEGER',
    max_levels_of_separation: 'INTEGER',
  },
};

export interface PopulationManifest {
  /** Changes whenever a new population is installed; the engine re-indexes when it does. */
  id: string;
  source: 'generated' | 'imported';
  /** One line for people: "Synthetic Midlands population (seed 42)" or the imported folder. */
  description: string;
  /** True for generated data; an import says what it is with `--synthetic`. */
  synthetic: boolean;
  /** YYYY-MM-DD: ages are taken on this date and later events are ignored. */
  referenceDate: string;
  persons: number;
  createdAt: string;
  /** Rows per table as written. */
  tables: Record<string, number>;
  /** Whether concept_ancestor has rows, so concept lists may ask for descendants. */
  hasConceptAncestor: boolean;
  /** What was missing or handled, in plain words (from an import's report). */
  notes: string[];
}

export const MANIFEST_FILE = 'population.json';

export const populationDirectory = (dataDir: string) => resolve(dataDir, 'omop');
export const tableFile = (directory: string, table: PopulationTable) =>
  join(directory, `${table}.parquet`);

export async function readManifest(directory: string): Promise<PopulationManifest | undefined> {
  try {
    return JSON.parse(await readFile(join(directory, MANIFEST_FILE), 'utf8')) as PopulationManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A fresh folder beside the live one to write a new population into. */
export async function stagingDirectory(liveDirectory: string): Promise<string> {
  const staging = `${liveDirectory}.staging-${randomUUID()}`;
  await mkdir(dirname(staging), { recursive: true });
  await mkdir(staging);
  return staging;
}

/**
 * Makes a completely written staging folder the live population: writes its manifest, then swaps
 * folders with two renames. The previous population is removed only after the swap.
 */
export async function installPopulation(
  staging: string,
  liveDirectory: string,
  manifest: Omit<PopulationManifest, 'id' | 'createdAt'>,
): Promise<PopulationManifest> {
  const complete: PopulationManifest = {
    ...manifest,
    id: randomUUID(),
    createdAt: new Date().toISOString(),
  };
  await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(complete, null, 2)}\n`);
  const previous = `${liveDirectory}.previous-${randomUUID()}`;
  let moved = false;
  try {
    await rename(liveDirectory, previous);
    moved = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(staging, liveDirectory);
  } catch (error) {
    if (moved) await rename(previous, liveDirectory);
    throw error;
  }
  if (moved) await rm(previous, { recursive: true, force: true });
  return complete;
}
