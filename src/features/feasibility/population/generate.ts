// Deterministic synthetic Midlands population in the OMOP CDM v5.4, generated entirely with SQL
// inside DuckDB and written as Parquet. Every random value is hash(seed, id, salt) mapped to
// [0, 1), so the same seed always gives the same data. ALL DATA IS SYNTHETIC.
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { conditionProbabilities, visitRates } from './calibrate.js';
import {
  installPopulation,
  populationDirectory,
  stagingDirectory,
  type PopulationManifest,
} from './store.js';
import {
  AGE_BANDS,
  CARE_SITES,
  CONDITIONS,
  CONDITION_DRUGS,
  DIABETES_MELLITUS,
  DRUGS,
  GENDER_FEMALE,
  GENDER_MALE,
  MEASUREMENTS,
  TYPE_EHR,
  VISIT_EMERGENCY,
  VISIT_INPATIENT,
  VISIT_OUTPATIENT,
  conditionConceptId,
  femaleShare,
} from './vocabulary.js';

export const TABLES = [
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
export type TableName = (typeof TABLES)[number];

export interface GenerateOptions {
  persons: number;
  seed: number;
  outDir: string;
  referenceDate?: string;
  threads?: number;
}

export interface GenerateResult {
  persons: number;
  rows: Record<TableName, number>;
  seconds: number;
}

const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;
const num = (value: number) => {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
};

/** Cumulative thresholds as a SQL CASE returning the index of the bucket r falls into. */
function bucketCase(r: string, weights: readonly number[]): string {
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const whens = weights.slice(0, -1).map((w, i) => {
    cumulative += w / total;
    return `WHEN ${r} < ${num(cumulative)} THEN ${i}`;
  });
  return `CASE ${whens.join(' ')} ELSE ${weights.length - 1} END`;
}

const values = (rows: readonly (readonly (string | number | null)[])[]) =>
  rows
    .map(
      (row) =>
        `(${row.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? num(v) : sqlString(v))).join(', ')})`,
    )
    .join(',\n');

async function run(connection: DuckDBConnection, sql: string): Promise<void> {
  await connection.run(sql);
}

export async function generatePopulation({
  persons,
  seed,
  outDir,
  referenceDate = '2026-01-01',
  threads = 2,
}: GenerateOptions): Promise<GenerateResult> {
  if (!Number.isSafeInteger(persons) || persons < 1) throw new Error('persons: a positive integer');
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('seed: a non-negative integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) throw new Error('referenceDate: YYYY-MM-DD');
  const started = performance.now();
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });

  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const db = await instance.connect();
  const ref = `DATE ${sqlString(referenceDate)}`;
  try {
    // r(id, salt) in [0, 1); n(id, salt) standard normal (Box-Muller on two hashes). The inputs are
    // hashed one at a time and re-hashed: DuckDB's multi-argument hash(seed, id, salt) gives values
    // that are strongly correlated across salts (r = 0.88 measured), so it must not be used.
    await run(
      db,
      `CREATE MACRO r(id, salt) AS ((hash(xor(hash(xor(hash(id::UBIGINT), hash(${num(seed)}::UBIGINT))),
         hash(salt::UBIGINT + 7777))) >> 11)::DOUBLE / 9007199254740992.0);
       CREATE MACRO n(id, salt) AS (sqrt(-2 * ln(1 - r(id, salt))) * cos(2 * pi() * r(id, salt + 100000)));`,
    );

    // --- Vocabulary and reference tables (small, from constants) ---
    const conceptRows: (string | number | null)[][] = [
      [GENDER_MALE, 'MALE', 'Gender', 'Gender', 'Gender', 'S', 'M'],
      [GENDER_FEMALE, 'FEMALE', 'Gender', 'Gender', 'Gender', 'S', 'F'],
      [VISIT_INPATIENT, 'Inpatient Visit', 'Visit', 'Visit', 'Visit', 'S', 'IP'],
      [VISIT_OUTPATIENT, 'Outpatient Visit', 'Visit', 'Visit', 'Visit', 'S', 'OP'],
      [VISIT_EMERGENCY, 'Emergency Room Visit', 'Visit', 'Visit', 'Visit', 'S', 'ER'],
      [TYPE_EHR, 'EHR', 'Type Concept', 'Type Concept', 'Type Concept', 'S', 'OMOP4976890'],
      [
        DIABETES_MELLITUS.conceptId,
        DIABETES_MELLITUS.name,
        'Condition',
        'SNOMED',
        'Disorder',
        'S',
        DIABETES_MELLITUS.code,
      ],
      ...CONDITIONS.map((c, i) => [
        conditionConceptId(i),
        c.name,
        'Condition',
        'SNOMED',
        'Disorder',
        'S',
        c.code,
      ]),
      ...MEASUREMENTS.map((m) => [
        m.conceptId,
        m.name,
        'Measurement',
        m.vocabulary,
        m.vocabulary === 'LOINC' ? 'Lab Test' : 'Clinical Observation',
        'S',
        m.code,
      ]),
      ...Object.values(DRUGS).map((d) => [
        d.conceptId,
        d.name,
        'Drug',
        'RxNorm',
        'Ingredient',
        'S',
        d.rxcui,
      ]),
    ];
    await run(
      db,
      `CREATE TABLE concept AS SELECT concept_id::INTEGER AS concept_id, concept_name, domain_id,
         vocabulary_id, concept_class_id, standard_concept, concept_code,
         DATE '1970-01-01' AS valid_start_date, DATE '2099-12-31' AS valid_end_date,
         NULL::VARCHAR AS invalid_reason
       FROM (VALUES ${values(conceptRows)}) v(concept_id, concept_name, domain_id, vocabulary_id,
         concept_class_id, standard_concept, concept_code)`,
    );
    // The hierarchy: every concept is its own ancestor (as in OMOP's concept_ancestor), and
    // diabetes mellitus is the ancestor of its type 1 and type 2 forms (SNOMED CT is-a).
    const diabetesChildren = ['46635009', '44054006'].map((code) =>
      conditionConceptId(CONDITIONS.findIndex((c) => c.code === code)),
    );
    await run(
      db,
      `CREATE TABLE concept_ancestor AS
       SELECT concept_id AS ancestor_concept_id, concept_id AS descendant_concept_id,
         0 AS min_levels_of_separation, 0 AS max_levels_of_separation FROM concept
       UNION ALL
       SELECT ${DIABETES_MELLITUS.conceptId}, child, 1, 1
       FROM (VALUES ${diabetesChildren.map((id) => `(${id})`).join(', ')}) v(child)`,
    );
    await run(
      db,
      `CREATE TABLE location AS SELECT id::BIGINT AS location_id, NULL::VARCHAR AS address_1,
         NULL::VARCHAR AS address_2, city, NULL::VARCHAR AS state, NULL::VARCHAR AS zip, county,
         city AS location_source_value, NULL::INTEGER AS country_concept_id,
         'United Kingdom' AS country_source_value, NULL::DOUBLE AS latitude,
         NULL::DOUBLE AS longitude
       FROM (VALUES ${values(CARE_SITES.map((s) => [s.id, s.city, s.county]))}) v(id, city, county);
       CREATE TABLE care_site AS SELECT id::BIGINT AS care_site_id, name AS care_site_name,
         NULL::INTEGER AS place_of_service_concept_id, id::BIGINT AS location_id,
         'MHA-SITE-' || id AS care_site_source_value, 'Acute trust' AS place_of_service_source_value
       FROM (VALUES ${values(CARE_SITES.map((s) => [s.id, s.name]))}) v(id, name);`,
    );
    await run(
      db,
      `CREATE TABLE cond_prob AS SELECT idx::INTEGER AS idx, age::INTEGER AS age,
         female::INTEGER AS female, p::DOUBLE AS p
       FROM (VALUES ${values(conditionProbabilities())}) v(idx, age, female, p);
       CREATE TABLE visit_rate AS SELECT age::INTEGER AS age, female::INTEGER AS female,
         ip::DOUBLE AS ip, op::DOUBLE AS op, ed::DOUBLE AS ed
       FROM (VALUES ${values(visitRates())}) v(age, female, ip, op, ed);
       CREATE TABLE cond_drug AS SELECT concept_id::INTEGER AS condition_concept_id,
         slot::INTEGER AS slot, drug::INTEGER AS drug_concept_id, rxcui, share::DOUBLE AS share
       FROM (VALUES ${values(
         CONDITION_DRUGS.map((cd) => {
           const index = CONDITIONS.findIndex((c) => c.code === cd.condition);
           if (index < 0) throw new Error(`no condition ${cd.condition}`);
           const slot = CONDITION_DRUGS.filter((x) => x.condition === cd.condition).indexOf(cd);
           return [conditionConceptId(index), slot, cd.drug.conceptId, cd.drug.rxcui, cd.share];
         }),
       )}) v(concept_id, slot, drug, rxcui, share);`,
    );

    // --- Persons: age band, single year of age, sex, date of birth, home trust ---
    const bandCase = bucketCase(
      'r(id, 1)',
      AGE_BANDS.map((b) => b.share),
    );
    const bandLo = `[${AGE_BANDS.map((b) => b.lo).join(', ')}][band + 1]`;
    const bandWidth = `[${AGE_BANDS.map((b) => b.width).join(', ')}][band + 1]`;
    const femaleCase = `CASE WHEN age < 16 THEN ${num(femaleShare(0))} WHEN age < 65 THEN ${num(
      femaleShare(16),
    )} WHEN age < 75 THEN ${num(femaleShare(65))} WHEN age < 85 THEN ${num(
      femaleShare(75),
    )} WHEN age < 90 THEN ${num(femaleShare(85))} ELSE ${num(femaleShare(90))} END`;
    const siteCase = bucketCase(
      'r(id, 4)',
      CARE_SITES.map((s) => s.catchment),
    );
    await run(
      db,
      `CREATE TABLE base AS
       WITH b AS (SELECT range + 1 AS id, ${bandCase} AS band FROM range(${num(persons)})),
       a AS (SELECT id, (${bandLo} + CASE WHEN ${bandLo} = 90
                 THEN floor(${bandWidth} * pow(r(id, 2), 2.5)) ELSE floor(${bandWidth} * r(id, 2)) END
               )::INTEGER AS age FROM b)
       SELECT id, age, (r(id, 3) < ${femaleCase})::INTEGER AS female,
         (${ref} - to_years(age) - to_days(floor(r(id, 5) * 365)::INTEGER))::DATE AS birth_date,
         (${siteCase}) + 1 AS site
       FROM a`,
    );
    await run(
      db,
      `CREATE TABLE person AS SELECT id::BIGINT AS person_id,
         CASE WHEN female = 1 THEN ${GENDER_FEMALE} ELSE ${GENDER_MALE} END AS gender_concept_id,
         year(birth_date)::INTEGER AS year_of_birth, month(birth_date)::INTEGER AS month_of_birth,
         day(birth_date)::INTEGER AS day_of_birth, birth_date::TIMESTAMP AS birth_datetime,
         0 AS race_concept_id, 0 AS ethnicity_concept_id, site::BIGINT AS location_id,
         NULL::BIGINT AS provider_id, site::BIGINT AS care_site_id,
         'SYN-' || id AS person_source_value, CASE WHEN female = 1 THEN 'F' ELSE 'M' END AS gender_source_value,
         0 AS gender_source_concept_id, NULL::VARCHAR AS race_source_value, 0 AS race_source_concept_id,
         NULL::VARCHAR AS ethnicity_source_value, 0 AS ethnicity_source_concept_id
       FROM base;
       CREATE TABLE observation_period AS SELECT id::BIGINT AS observation_period_id,
         id::BIGINT AS person_id,
         greatest(birth_date, (${ref} - INTERVAL 20 YEAR)::DATE) AS observation_period_start_date,
         ${ref} AS observation_period_end_date, ${TYPE_EHR} AS period_type_concept_id
       FROM base;`,
    );

    // --- Conditions: each (person, condition) present with its calibrated probability ---
    await run(
      db,
      `CREATE TABLE condition_occurrence AS
       WITH c AS (
         SELECT b.id, b.birth_date, c.idx,
           greatest(b.birth_date, (${ref} - INTERVAL 20 YEAR)::DATE) AS obs_start
         FROM base b JOIN cond_prob c ON c.age = b.age AND c.female = b.female
         WHERE r(b.id, 1000 + c.idx) < c.p)
       SELECT (id * 64 + idx)::BIGINT AS condition_occurrence_id, id::BIGINT AS person_id,
         (${conditionConceptId(0)} + idx)::INTEGER AS condition_concept_id,
         (${ref} - 1 - floor(r(id, 2000 + idx) * greatest(0, ${ref} - 1 - obs_start))::INTEGER)::DATE
           AS condition_start_date,
         NULL::TIMESTAMP AS condition_start_datetime, NULL::DATE AS condition_end_date,
         NULL::TIMESTAMP AS condition_end_datetime, ${TYPE_EHR} AS condition_type_concept_id,
         0 AS condition_status_concept_id, NULL::VARCHAR AS stop_reason,
         NULL::BIGINT AS provider_id, NULL::BIGINT AS visit_occurrence_id,
         NULL::BIGINT AS visit_detail_id,
         [${CONDITIONS.map((x) => sqlString(x.code)).join(', ')}][idx + 1] AS condition_source_value,
         0 AS condition_source_concept_id, NULL::VARCHAR AS condition_status_source_value
       FROM c`,
    );
    await run(
      db,
      `UPDATE condition_occurrence SET condition_start_datetime = condition_start_date::TIMESTAMP`,
    );

    // --- Visits in the year before the reference date ---
    const slots: [number, number, string][] = [
      ...Array.from({ length: 4 }, (_, i): [number, number, string] => [i, VISIT_INPATIENT, 'ip']),
      ...Array.from({ length: 6 }, (_, i): [number, number, string] => [
        4 + i,
        VISIT_OUTPATIENT,
        'op',
      ]),
      ...Array.from({ length: 4 }, (_, i): [number, number, string] => [
        10 + i,
        VISIT_EMERGENCY,
        'ed',
      ]),
    ];
    await run(
      db,
      `CREATE TABLE slot AS SELECT slot::INTEGER AS slot, concept::INTEGER AS concept, kind,
         CASE kind WHEN 'ip' THEN 4 WHEN 'op' THEN 6 ELSE 4 END AS k
       FROM (VALUES ${values(slots)}) v(slot, concept, kind);
       CREATE TABLE visit_occurrence AS
       WITH v AS (
         SELECT b.id, b.age, b.birth_date, b.site, s.slot, s.concept, s.kind,
           greatest(b.birth_date, (${ref} - 1 - floor(r(b.id, 3000 + s.slot) * 365)::INTEGER)::DATE) AS start_date
         FROM base b JOIN visit_rate vr ON vr.age = b.age AND vr.female = b.female
         CROSS JOIN slot s
         WHERE r(b.id, 4000 + s.slot) * s.k < CASE s.kind WHEN 'ip' THEN vr.ip WHEN 'op' THEN vr.op ELSE vr.ed END)
       SELECT (id * 16 + slot)::BIGINT AS visit_occurrence_id, id::BIGINT AS person_id,
         concept AS visit_concept_id, start_date AS visit_start_date,
         start_date::TIMESTAMP AS visit_start_datetime,
         CASE WHEN kind = 'ip' THEN least(${ref}, (start_date + floor(-ln(1 - r(id, 5000 + slot))
           * (2 + age / 20.0))::INTEGER)::DATE) ELSE start_date END AS visit_end_date,
         NULL::TIMESTAMP AS visit_end_datetime, ${TYPE_EHR} AS visit_type_concept_id,
         NULL::BIGINT AS provider_id,
         (CASE WHEN r(id, 6000 + slot) < 0.9 THEN site ELSE 1 + floor(r(id, 7000 + slot) * ${CARE_SITES.length}) END)::BIGINT AS care_site_id,
         kind AS visit_source_value, 0 AS visit_source_concept_id, 0 AS admitted_from_concept_id,
         NULL::VARCHAR AS admitted_from_source_value, 0 AS discharged_to_concept_id,
         NULL::VARCHAR AS discharged_to_source_value, NULL::BIGINT AS preceding_visit_occurrence_id
       FROM v;
       UPDATE visit_occurrence SET visit_end_datetime = visit_end_date::TIMESTAMP;`,
    );

    // --- Measurements within the last 2 years ---
    const idx = (code: string) => CONDITIONS.findIndex((c) => c.code === code);
    const flag = (code: string) =>
      `EXISTS (SELECT 1 FROM condition_occurrence co WHERE co.person_id = b.id AND co.condition_concept_id = ${conditionConceptId(idx(code))})`;
    // Grip strength median (kg): Dodds et al. 2014 shape, peak ~51 kg men / ~31 kg women at 30-39.
    const gripMedian = `(CASE WHEN age < 30 THEN 40 + 11 * (age - 16) / 14.0 WHEN age < 40 THEN 51
      ELSE 51 - 0.2 * (age - 39) - 0.006 * (age - 39) * (age - 39) END) * CASE WHEN female = 1 THEN 31.0 / 51 ELSE 1 END`;
    await run(
      db,
      `CREATE TABLE person_flags AS SELECT b.id, b.age, b.female, b.birth_date,
         ${flag('44054006')} OR ${flag('46635009')} AS diabetic,
         ${flag('414916001')} AS obese, ${flag('709044004')} AS ckd
       FROM base b;
       CREATE TABLE measurement AS
       WITH k AS (SELECT * FROM (VALUES (0, 'grip'), (1, 'gait'), (2, 'asm'), (3, 'hba1c'), (4, 'bmi'), (5, 'egfr')) v(k, key)),
       x AS (
         SELECT b.*, k.k, k.key, n(b.id, 8000 + k.k) AS z,
           CASE k.key
             WHEN 'grip' THEN CASE WHEN age >= 65 THEN 0.8 WHEN age >= 40 THEN 0.25 WHEN age >= 16 THEN 0.1 ELSE 0 END
             WHEN 'gait' THEN CASE WHEN age >= 65 THEN 0.6 WHEN age >= 50 THEN 0.1 ELSE 0 END
             WHEN 'asm' THEN CASE WHEN age >= 65 THEN 0.3 WHEN age >= 50 THEN 0.05 ELSE 0 END
             WHEN 'hba1c' THEN CASE WHEN diabetic THEN 0.95 WHEN age >= 40 THEN 0.3 WHEN age >= 18 THEN 0.1 ELSE 0 END
             WHEN 'bmi' THEN CASE WHEN age >= 18 THEN 0.5 ELSE 0 END
             ELSE CASE WHEN ckd THEN 0.95 WHEN age >= 65 THEN 0.6 WHEN age >= 18 THEN 0.2 ELSE 0 END
           END AS prob
         FROM person_flags b CROSS JOIN k)
       SELECT (id * 8 + k)::BIGINT AS measurement_id, id::BIGINT AS person_id,
         (CASE key ${MEASUREMENTS.map((x) => `WHEN '${x.key}' THEN ${x.conceptId}`).join(' ')} END)::INTEGER AS measurement_concept_id,
         greatest(birth_date, (${ref} - 1 - floor(r(id, 9000 + k) * 730)::INTEGER)::DATE) AS measurement_date,
         NULL::TIMESTAMP AS measurement_datetime, NULL::VARCHAR AS measurement_time,
         ${TYPE_EHR} AS measurement_type_concept_id, 0 AS operator_concept_id,
         CASE key
           WHEN 'grip' THEN round(greatest(2, ${gripMedian} * (1 + 0.2 * z)), 1)
           WHEN 'gait' THEN round(greatest(0.2, (CASE WHEN age <= 60 THEN 1.3 ELSE 1.3 - 0.016 * (age - 60) END) + 0.2 * z), 2)
           WHEN 'asm' THEN round(greatest(8, CASE WHEN female = 1 THEN 17.5 - 0.075 * greatest(0, age - 65) + 2.2 * z
                                          ELSE 24 - 0.15 * greatest(0, age - 65) + 3 * z END), 1)
           WHEN 'hba1c' THEN round(greatest(20, CASE WHEN diabetic THEN 58 + 12 * z ELSE least(47, 37 + 4 * z) END), 0)
           WHEN 'bmi' THEN round(CASE WHEN obese THEN 30 + abs(z) * 4.5 ELSE least(29.9, greatest(16, 25 + 3 * z)) END, 1)
           ELSE round(CASE WHEN ckd THEN least(59, greatest(8, 45 + 12 * z))
                      ELSE least(120, greatest(60, 100 - 0.6 * greatest(0, age - 30) + 12 * z)) END, 0)
         END::DOUBLE AS value_as_number,
         0 AS value_as_concept_id, 0 AS unit_concept_id, NULL::DOUBLE AS range_low,
         NULL::DOUBLE AS range_high, NULL::BIGINT AS provider_id, NULL::BIGINT AS visit_occurrence_id,
         NULL::BIGINT AS visit_detail_id,
         CASE key ${MEASUREMENTS.map((x) => `WHEN '${x.key}' THEN ${sqlString(x.code)}`).join(' ')} END AS measurement_source_value,
         0 AS measurement_source_concept_id,
         CASE key ${MEASUREMENTS.map((x) => `WHEN '${x.key}' THEN ${sqlString(x.unit)}`).join(' ')} END AS unit_source_value,
         0 AS unit_source_concept_id, NULL::VARCHAR AS value_source_value,
         NULL::BIGINT AS measurement_event_id, 0 AS meas_event_field_concept_id
       FROM x WHERE r(id, 10000 + k) < prob;
       UPDATE measurement SET measurement_datetime = measurement_date::TIMESTAMP;`,
    );

    // --- Drug exposures for treated conditions, within the last 2 years ---
    await run(
      db,
      `CREATE TABLE drug_exposure AS
       WITH d AS (
         SELECT co.condition_occurrence_id AS cid, co.person_id, cd.slot, cd.drug_concept_id, cd.rxcui,
           greatest(co.condition_start_date, (${ref} - 730)::DATE) AS lo
         FROM condition_occurrence co JOIN cond_drug cd ON cd.condition_concept_id = co.condition_concept_id
         WHERE r(co.condition_occurrence_id, 11000 + cd.slot) < cd.share),
       s AS (SELECT *, (lo + floor(r(cid, 12000 + slot) * (${ref} - lo))::INTEGER)::DATE AS start_date,
               CASE WHEN r(cid, 13000 + slot) < 0.7 THEN 28 ELSE 56 END AS days FROM d)
       SELECT (cid * 4 + slot)::BIGINT AS drug_exposure_id, person_id,
         drug_concept_id, start_date AS drug_exposure_start_date,
         start_date::TIMESTAMP AS drug_exposure_start_datetime,
         least(${ref}, (start_date + days)::DATE) AS drug_exposure_end_date,
         NULL::TIMESTAMP AS drug_exposure_end_datetime, NULL::DATE AS verbatim_end_date,
         ${TYPE_EHR} AS drug_type_concept_id, NULL::VARCHAR AS stop_reason, 0 AS refills,
         days::DOUBLE AS quantity, days AS days_supply, NULL::VARCHAR AS sig, 0 AS route_concept_id,
         NULL::VARCHAR AS lot_number, NULL::BIGINT AS provider_id, NULL::BIGINT AS visit_occurrence_id,
         NULL::BIGINT AS visit_detail_id, rxcui AS drug_source_value, 0 AS drug_source_concept_id,
         NULL::VARCHAR AS route_source_value, NULL::VARCHAR AS dose_unit_source_value
       FROM s;
       UPDATE drug_exposure SET drug_exposure_end_datetime = drug_exposure_end_date::TIMESTAMP;`,
    );

    // --- Write Parquet ---
    const rows = {} as Record<TableName, number>;
    for (const table of TABLES) {
      const file = resolve(dir, `${table}.parquet`);
      await run(db, `COPY ${table} TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
      const result = await db.runAndReadAll(`SELECT count(*) FROM ${table}`);
      rows[table] = Number(result.getRows()[0]?.[0] ?? 0);
    }
    return { persons, rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

export interface GenerateIntoOptions {
  dataDir: string;
  persons: number;
  seed: number;
  referenceDate?: string;
}

/**
 * Generates a population into a staging folder and, once every table is written, makes it the
 * live population under DATA_DIR/omop; a failure leaves the previous one in place.
 */
export async function generateIntoDataDir({
  dataDir,
  persons,
  seed,
  referenceDate = '2026-01-01',
}: GenerateIntoOptions): Promise<{ manifest: PopulationManifest; seconds: number }> {
  const live = populationDirectory(dataDir);
  const staging = await stagingDirectory(live);
  try {
    const result = await generatePopulation({ persons, seed, outDir: staging, referenceDate });
    const manifest = await installPopulation(staging, live, {
      source: 'generated',
      description: `Synthetic Midlands population of ${persons.toLocaleString('en-GB')} persons (seed ${seed})`,
      synthetic: true,
      referenceDate,
      persons,
      tables: result.rows,
      hasConceptAncestor: true,
      notes: [],
    });
    return { manifest, seconds: result.seconds };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
