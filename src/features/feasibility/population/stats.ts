// Calibration figures computed with SQL over the generated Parquet files.
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CONDITION_CONCEPT_BASE, CONDITIONS, MEASUREMENTS, VISIT_INPATIENT } from './vocabulary.js';

export interface PopulationStats {
  persons: number;
  ageShares: { age0to15: number; age16to64: number; age65plus: number; age85plus: number };
  femaleShare: { all: number; age65plus: number; age85plus: number };
  inpatientPer10M: number;
  multimorbidity: { overall: number; age65to84: number; age85plus: number };
  grip: { band: string; sex: 'M' | 'F'; n: number; median: number; belowCutoff: number }[];
  gaitSlow80plus: number;
  asmLow65plus: { men: number; women: number };
}

const toNumber = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v));

export async function populationStats(
  outDir: string,
  referenceDate = '2026-01-01',
): Promise<PopulationStats> {
  const dir = resolve(outDir);
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const db = await instance.connect();
  const file = (t: string) =>
    `read_parquet('${resolve(dir, `${t}.parquet`).replaceAll("'", "''")}')`;
  const one = async (sql: string) =>
    (await db.runAndReadAll(sql)).getRows().map((r) => r.map(toNumber));
  const gripId = MEASUREMENTS.find((m) => m.key === 'grip')?.conceptId ?? 0;
  const gaitId = MEASUREMENTS.find((m) => m.key === 'gait')?.conceptId ?? 0;
  const asmId = MEASUREMENTS.find((m) => m.key === 'asm')?.conceptId ?? 0;
  try {
    await db.run(
      `CREATE TEMP TABLE p AS SELECT person_id, gender_concept_id = 8532 AS female,
         date_diff('year', birth_datetime::DATE, DATE '${referenceDate}')
           - CASE WHEN strftime(birth_datetime, '%m-%d') > strftime(DATE '${referenceDate}', '%m-%d') THEN 1 ELSE 0 END AS age
       FROM ${file('person')}`,
    );
    const [ages] =
      await one(`SELECT count(*), avg((age < 16)::INT), avg((age BETWEEN 16 AND 64)::INT),
      avg((age >= 65)::INT), avg((age >= 85)::INT), avg(female::INT),
      avg(female::INT) FILTER (WHERE age >= 65), avg(female::INT) FILTER (WHERE age >= 85) FROM p`);
    const [ip] = await one(
      `SELECT count(*) FROM ${file('visit_occurrence')} WHERE visit_concept_id = ${VISIT_INPATIENT}`,
    );
    const [mm] = await one(`WITH c AS (
        SELECT person_id, count(DISTINCT condition_concept_id) AS n FROM ${file('condition_occurrence')}
        WHERE condition_concept_id BETWEEN ${CONDITION_CONCEPT_BASE + 1} AND ${CONDITION_CONCEPT_BASE + CONDITIONS.length}
        GROUP BY person_id)
      SELECT avg((coalesce(n, 0) >= 2)::INT), avg((coalesce(n, 0) >= 2)::INT) FILTER (WHERE age BETWEEN 65 AND 84),
        avg((coalesce(n, 0) >= 2)::INT) FILTER (WHERE age >= 85)
      FROM p LEFT JOIN c USING (person_id)`);
    const gripRows =
      await one(`SELECT CASE WHEN age < 30 THEN 0 WHEN age < 40 THEN 1 WHEN age < 50 THEN 2
        WHEN age < 60 THEN 3 WHEN age < 70 THEN 4 WHEN age < 80 THEN 5 ELSE 6 END AS band, female::INT,
        count(*), median(value_as_number),
        avg((value_as_number < CASE WHEN female THEN 16 ELSE 27 END)::INT)
      FROM ${file('measurement')} JOIN p USING (person_id)
      WHERE measurement_concept_id = ${gripId} GROUP BY ALL ORDER BY 1, 2`);
    const [gait] = await one(`SELECT avg((value_as_number <= 0.8)::INT) FROM ${file('measurement')}
      JOIN p USING (person_id) WHERE measurement_concept_id = ${gaitId} AND age >= 80`);
    const [asm] = await one(`SELECT avg((value_as_number < 20)::INT) FILTER (WHERE NOT female),
        avg((value_as_number < 15)::INT) FILTER (WHERE female)
      FROM ${file('measurement')} JOIN p USING (person_id)
      WHERE measurement_concept_id = ${asmId} AND age >= 65`);
    const bands = ['16-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80+'];
    const persons = ages?.[0] ?? 0;
    return {
      persons,
      ageShares: {
        age0to15: ages?.[1] ?? 0,
        age16to64: ages?.[2] ?? 0,
        age65plus: ages?.[3] ?? 0,
        age85plus: ages?.[4] ?? 0,
      },
      femaleShare: { all: ages?.[5] ?? 0, age65plus: ages?.[6] ?? 0, age85plus: ages?.[7] ?? 0 },
      inpatientPer10M: persons ? ((ip?.[0] ?? 0) / persons) * 1e7 : 0,
      multimorbidity: {
        overall: mm?.[0] ?? 0,
        age65to84: mm?.[1] ?? 0,
        age85plus: mm?.[2] ?? 0,
      },
      grip: gripRows.map((r) => ({
        band: bands[r[0] ?? 0] ?? '?',
        sex: r[1] === 1 ? 'F' : 'M',
        n: r[2] ?? 0,
        median: r[3] ?? 0,
        belowCutoff: r[4] ?? 0,
      })),
      gaitSlow80plus: gait?.[0] ?? 0,
      asmLow65plus: { men: asm?.[0] ?? 0, women: asm?.[1] ?? 0 },
    };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
