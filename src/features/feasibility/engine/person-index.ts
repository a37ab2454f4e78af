// The fast engine's index: what the criteria language can ask about each person, read once from
// the population's Parquet files by DuckDB into typed arrays. Persons are renumbered 0..N-1 in
// order of age, so any age range is one contiguous run of persons. Events are reduced to one
// entry per (concept, person) holding how many days before the reference date the latest event
// happened; measurements keep every row, because "any" measurement may match.
import { DuckDBInstance, type DuckDBConnection, type DuckDBVector } from '@duckdb/node-api';
import { AGE_BANDS } from './age-bands.js';
import { type Bitset, add, emptySet } from './bitset.js';
import { ageSql } from './reference-sql.js';
import {
  type PopulationManifest,
  type PopulationTable,
  readManifest,
  tableFile,
} from '../population/store.js';

/** A run of rows in the arrays of one domain that belong to one concept (or one key). */
export interface Run {
  start: number;
  end: number;
}

/** Latest event per (key, person): `persons[i]` had one `ago[i]` days before the reference date. */
export interface EventLists {
  runs: Map<number, Run>;
  persons: Uint32Array;
  ago: Int32Array;
}

/** Every measurement row up to the reference date, grouped by concept. */
export interface MeasurementLists extends EventLists {
  /** NaN where the row has no value. */
  values: Float64Array;
  /** 1 on the latest row of each (concept, person): greatest date, then greatest id. */
  latest: Uint8Array;
}

export interface ConceptInfo {
  id: number;
  name: string;
  domain: string;
  vocabulary: string;
  code: string;
}

export interface CareSite {
  /** The OMOP care_site_id, as text. */
  id: string;
  name: string;
}

export interface PersonIndex {
  manifest: PopulationManifest;
  size: number;
  /** Age in whole years on the reference date, ascending. */
  ages: Int16Array;
  /** 0 neither, 1 female, 2 male. */
  sexes: Uint8Array;
  /** Position of each person's age in AGE_BANDS; 255 for an age below every band. */
  bandOf: Uint8Array;
  /** Home care site: 0 for none, else 1 + the position in `careSites`. */
  sites: Uint16Array;
  careSites: CareSite[];
  female: Bitset;
  male: Bitset;
  /** Persons at each home care site, in the order of `careSites`, then those with none. */
  siteSets: Bitset[];
  conditions: EventLists;
  drugs: EventLists;
  /** Keyed by `visitKey(visit kind, site number)`; site number as in `sites`. */
  visits: EventLists;
  measurements: MeasurementLists;
  concepts: Map<number, ConceptInfo>;
  /** Descendants of each concept that has any (not including itself). */
  descendants: Map<number, number[]>;
  /** Seconds the build took. */
  buildSeconds: number;
}

/** Visits are kept only for OMOP's standard visit concepts, numbered 1, 2 and 3 here. */
export const VISIT_KINDS = { inpatient: 1, outpatient: 2, emergency: 3 } as const;
export const visitKey = (kind: number, site: number) => kind * 65_536 + site;

/** The typed array a DuckDB vector keeps its values in (the API does not expose it by type). */
function itemsOf(vector: DuckDBVector): ArrayLike<number> & { length: number } {
  const items = (vector as unknown as { items?: unknown }).items;
  if (!ArrayBuffer.isView(items) || items instanceof DataView) {
    throw new Error(`Unexpected DuckDB vector type ${vector.type.toString()}`);
  }
  return items as unknown as ArrayLike<number> & { length: number };
}

type Column = Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array | Float64Array;

/**
 * Streams a query into preallocated typed arrays, one per column, by copying each chunk's
 * values in bulk. The query must return no NULLs and exactly the columns' types.
 */
async function streamInto(
  connection: DuckDBConnection,
  sql: string,
  columns: Column[],
): Promise<number> {
  const result = await connection.stream(sql);
  let offset = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const rows = chunk.rowCount;
    if (offset + rows > (columns[0]?.length ?? 0)) throw new Error('more rows than expected');
    columns.forEach((column, index) => {
      const items = itemsOf(chunk.getColumnVector(index));
      column.set(items.length === rows ? items : Array.from(items).slice(0, rows), offset);
    });
    offset += rows;
  }
  return offset;
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  const value = (await connection.runAndReadAll(sql)).getRows()[0]?.[0];
  return Number(value ?? 0);
}

/** Splits rows sorted by key into runs, given the key of every row. */
function runsOf(keys: Int32Array | Float64Array, rows: number): Map<number, Run> {
  const runs = new Map<number, Run>();
  let start = 0;
  for (let i = 1; i <= rows; i += 1) {
    if (i === rows || keys[i] !== keys[start]) {
      runs.set(keys[start] as number, { start, end: i });
      start = i;
    }
  }
  return runs;
}

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;

async function loadEvents(
  connection: DuckDBConnection,
  source: string,
  columns: { key: string; date: string },
  referenceDate: string,
): Promise<EventLists> {
  const capacity = await scalar(connection, `SELECT count(*) FROM ${source}`);
  const keys = new Int32Array(capacity);
  const persons = new Uint32Array(capacity);
  const ago = new Int32Array(capacity);
  const ref = `DATE ${sqlText(referenceDate)}`;
  const rows = await streamInto(
    connection,
    `SELECT (${columns.key})::INTEGER AS k, px.idx, (${ref} - max(e.${columns.date}))::INTEGER AS ago
     FROM ${source} e JOIN px ON px.person_id = e.person_id
     WHERE e.${columns.date} <= ${ref} AND (${columns.key}) IS NOT NULL
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [keys, persons, ago],
  );
  return { runs: runsOf(keys, rows), persons: persons.slice(0, rows), ago: ago.slice(0, rows) };
}

async function loadMeasurements(
  connection: DuckDBConnection,
  source: string,
  referenceDate: string,
): Promise<MeasurementLists> {
  const capacity = await scalar(connection, `SELECT count(*) FROM ${source}`);
  const keys = new Int32Array(capacity);
  const persons = new Uint32Array(capacity);
  const ago = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  const latest = new Uint8Array(capacity);
  const ref = `DATE ${sqlText(referenceDate)}`;
  const rows = await streamInto(
    connection,
    `SELECT m.measurement_concept_id::INTEGER AS k, px.idx,
       (${ref} - m.measurement_date)::INTEGER AS ago,
       coalesce(m.value_as_number::DOUBLE, 'NaN'::DOUBLE) AS value,
       (row_number() OVER (PARTITION BY m.measurement_concept_id, m.person_id
         ORDER BY m.measurement_date DESC, m.measurement_id DESC) = 1)::UTINYINT AS latest
     FROM ${source} m JOIN px ON px.person_id = m.person_id
     WHERE m.measurement_date <= ${ref} AND m.measurement_concept_id IS NOT NULL
     ORDER BY 1, 2`,
    [keys, persons, ago, values, latest],
  );
  return {
    runs: runsOf(keys, rows),
    persons: persons.slice(0, rows),
    ago: ago.slice(0, rows),
    values: values.slice(0, rows),
    latest: latest.slice(0, rows),
  };
}

async function loadConcepts(connection: DuckDBConnection, file: (t: PopulationTable) => string) {
  const concepts = new Map<number, ConceptInfo>();
  const reader = await connection.runAndReadAll(
    `SELECT concept_id, concept_name, domain_id, vocabulary_id, concept_code
     FROM read_parquet(${sqlText(file('concept'))}) WHERE concept_id IS NOT NULL`,
  );
  for (const [id, name, domain, vocabulary, code] of reader.getRows()) {
    concepts.set(Number(id), {
      id: Number(id),
      name: String(name ?? ''),
      domain: String(domain ?? ''),
      vocabulary: String(vocabulary ?? ''),
      code: String(code ?? ''),
    });
  }
  const descendants = new Map<number, number[]>();
  const ancestors = await connection.runAndReadAll(
    `SELECT ancestor_concept_id, descendant_concept_id
     FROM read_parquet(${sqlText(file('concept_ancestor'))})
     WHERE ancestor_concept_id <> descendant_concept_id
       AND ancestor_concept_id IS NOT NULL AND descendant_concept_id IS NOT NULL`,
  );
  for (const [ancestor, descendant] of ancestors.getRows()) {
    const list = descendants.get(Number(ancestor)) ?? [];
    list.push(Number(descendant));
    descendants.set(Number(ancestor), list);
  }
  return { concepts, descendants };
}

/** Reads the population in `directory` into a new index. */
export async function buildPersonIndex(
  directory: string,
  options: { threads?: number; memoryLimit?: string } = {},
): Promise<PersonIndex> {
  const started = performance.now();
  const manifest = await readManifest(directory);
  if (!manifest) throw new Error(`No population in ${directory}`);
  const file = (table: PopulationTable) => tableFile(directory, table);
  const parquet = (table: PopulationTable) => `read_parquet(${sqlText(file(table))})`;
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? '3GB',
  });
  const connection = await instance.connect();
  try {
    const ref = manifest.referenceDate;
    await connection.run(
      `CREATE TEMP TABLE px AS
       SELECT p.person_id, (row_number() OVER (ORDER BY a.age, p.person_id) - 1)::UINTEGER AS idx,
         a.age::SMALLINT AS age,
         CASE coalesce(p.gender_concept_id, 0) WHEN 8532 THEN 1 WHEN 8507 THEN 2 ELSE 0 END::UTINYINT AS sex,
         p.care_site_id
       FROM ${parquet('person')} p, LATERAL (SELECT ${ageSql(ref)} AS age) a`,
    );
    const careSites = (
      await connection.runAndReadAll(
        `WITH ids AS (SELECT care_site_id FROM px UNION SELECT care_site_id FROM ${parquet('visit_occurrence')}
                      UNION SELECT care_site_id FROM ${parquet('care_site')})
         SELECT ids.care_site_id, coalesce(max(c.care_site_name), 'Care site ' || ids.care_site_id)
         FROM ids LEFT JOIN ${parquet('care_site')} c ON c.care_site_id = ids.care_site_id
         WHERE ids.care_site_id IS NOT NULL GROUP BY ids.care_site_id ORDER BY ids.care_site_id`,
      )
    )
      .getRows()
      .map(([id, name]) => ({ id: String(id), name: String(name) }));
    if (careSites.length > 65_000) throw new Error('More than 65,000 care sites');
    await connection.run(
      `CREATE TEMP TABLE site_number AS
       SELECT care_site_id, (row_number() OVER (ORDER BY care_site_id))::USMALLINT AS site
       FROM (SELECT DISTINCT care_site_id FROM (VALUES ${careSites.map((s) => `(${s.id})`).join(', ') || '(NULL)'}) v(care_site_id)
             WHERE care_site_id IS NOT NULL)`,
    );

    const size = await scalar(connection, 'SELECT count(*) FROM px');
    const ages = new Int16Array(size);
    const sex = new Uint8Array(size);
    const sites = new Uint16Array(size);
    await streamInto(
      connection,
      `SELECT px.age, px.sex, coalesce(s.site, 0::USMALLINT) AS site
       FROM px LEFT JOIN site_number s ON s.care_site_id = px.care_site_id ORDER BY px.idx`,
      [ages, sex, sites],
    );
    const bandOf = new Uint8Array(size).fill(255);
    for (let i = 0; i < size; i += 1) {
      const age = ages[i] as number;
      const band = AGE_BANDS.findIndex((b) => age >= b.min && age <= b.max);
      if (band >= 0) bandOf[i] = band;
    }
    const female = emptySet(size);
    const male = emptySet(size);
    const siteSets = Array.from({ length: careSites.length + 1 }, () => emptySet(size));
    for (let i = 0; i < size; i += 1) {
      if (sex[i] === 1) add(female, i);
      else if (sex[i] === 2) add(male, i);
      const site = sites[i] as number;
      add(siteSets[site === 0 ? careSites.length : site - 1] as Bitset, i);
    }

    const conditions = await loadEvents(
      connection,
      parquet('condition_occurrence'),
      { key: 'e.condition_concept_id', date: 'condition_start_date' },
      ref,
    );
    const drugs = await loadEvents(
      connection,
      parquet('drug_exposure'),
      { key: 'e.drug_concept_id', date: 'drug_exposure_start_date' },
      ref,
    );
    const visits = await loadEvents(
      connection,
      `(SELECT v.*, coalesce(s.site, 0) AS site FROM ${parquet('visit_occurrence')} v
        LEFT JOIN site_number s ON s.care_site_id = v.care_site_id)`,
      {
        key: 'CASE e.visit_concept_id WHEN 9201 THEN 1 WHEN 9202 THEN 2 WHEN 9203 THEN 3 END * 65536 + e.site',
        date: 'visit_start_date',
      },
      ref,
    );
    const measurements = await loadMeasurements(connection, parquet('measurement'), ref);
    const { concepts, descendants } = await loadConcepts(connection, file);
    return {
      manifest,
      size,
      ages,
      sexes: sex,
      bandOf,
      sites,
      careSites,
      female,
      male,
      siteSets,
      conditions,
      drugs,
      visits,
      measurements,
      concepts,
      descendants,
      buildSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
