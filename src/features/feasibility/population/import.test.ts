import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { CriteriaNode } from '../criteria.js';
import { countPlan, plan } from '../engine/evaluate.js';
import { buildPersonIndex } from '../engine/person-index.js';
import { duckdbReference, referenceCount } from '../engine/reference-runner.js';
import { formatImportReport, importOmopExtract, type ImportReport } from './import.js';
import {
  POPULATION_TABLES,
  REQUIRED_COLUMNS,
  populationDirectory,
  readManifest,
  tableFile,
} from './store.js';

// Standard OMOP vocabulary ids, as a real extract uses them.
const MALE = 8507;
const FEMALE = 8532;
const INPATIENT_VISIT = 9201;
const TYPE_2_DIABETES = 201826; // SNOMED 44054006
const DIABETES_MELLITUS = 201820; // SNOMED 73211009
const ESSENTIAL_HYPERTENSION = 320128; // SNOMED 59621000
const HBA1C = 3004410; // LOINC 4548-4
const MYOCARDIAL_INFARCTION = 4329847; // SNOMED 22298006, in the vocabulary but never used
const VIRAL_SINUSITIS = 40481087; // used, but left out of CONCEPT.csv

let root = '';
let instance: DuckDBInstance;
let db: DuckDBConnection;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'omop-import-test-'));
  instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  db = await instance.connect();
});

after(async () => {
  db.closeSync();
  instance.closeSync();
  await rm(root, { recursive: true, force: true });
});

const rows = async (sql: string) =>
  (await db.runAndReadAll(sql))
    .getRows()
    .map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));

const csv = (lines: (string | number)[][], separator = ',') =>
  `${lines.map((line) => line.join(separator)).join('\n')}\n`;

async function writeFiles(folder: string, files: Record<string, string>): Promise<string> {
  const directory = join(root, folder);
  await mkdir(directory, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(directory, name), text);
  return directory;
}

const PERSONS = Array.from({ length: 30 }, (_, i) => i + 1);

/** An extract in the layout another tool writes: upper-case names, extra columns, one TSV. */
async function writeOtherToolExtract(folder: string): Promise<string> {
  const conditions = [
    ...PERSONS.slice(0, 10).map((p) => [p, TYPE_2_DIABETES, '2020-03-01', '44054006']),
    ...PERSONS.slice(10, 20).map((p) => [p, ESSENTIAL_HYPERTENSION, '2019-07-15', '59621000']),
    [21, VIRAL_SINUSITIS, '2024-11-02', '444814009'],
    [1, ESSENTIAL_HYPERTENSION, '2025-08-01', '59621000'],
    [2, ESSENTIAL_HYPERTENSION, '2025-08-01', '59621000'],
  ];
  return writeFiles(folder, {
    'PERSON.csv': csv([
      ['PERSON_ID', 'GENDER_CONCEPT_ID', 'YEAR_OF_BIRTH', 'RACE_CONCEPT_ID', 'CARE_SITE_ID'],
      ...PERSONS.map((p) => [p, p % 2 === 0 ? FEMALE : MALE, 1940 + p, 0, 1 + (p % 2)]),
    ]),
    'OBSERVATION_PERIOD.csv': csv([
      [
        'OBSERVATION_PERIOD_ID',
        'PERSON_ID',
        'OBSERVATION_PERIOD_START_DATE',
        'OBSERVATION_PERIOD_END_DATE',
        'PERIOD_TYPE_CONCEPT_ID',
      ],
      ...PERSONS.map((p) => [p, p, '2015-01-01', p === 30 ? '2024-12-31' : '2025-06-30', 32817]),
    ]),
    'CONDITION_OCCURRENCE.csv': csv(
      [
        [
          'CONDITION_OCCURRENCE_ID',
          'PERSON_ID',
          'CONDITION_CONCEPT_ID',
          'CONDITION_START_DATE',
          'CONDITION_SOURCE_VALUE',
        ],
        ...conditions.map((c, i) => [100 + i, ...c]),
      ],
      '\t',
    ),
    'VISIT_OCCURRENCE.csv': csv([
      [
        'visit_occurrence_id',
        'person_id',
        'visit_concept_id',
        'visit_start_date',
        'visit_end_date',
        'care_site_id',
      ],
      ...PERSONS.slice(0, 5).map((p) => [
        500 + p,
        p,
        INPATIENT_VISIT,
        '2025-01-10',
        '2025-01-14',
        p === 5 ? 7 : 1,
      ]),
    ]),
    'MEASUREMENT.csv': csv([
      [
        'MEASUREMENT_ID',
        'PERSON_ID',
        'MEASUREMENT_CONCEPT_ID',
        'MEASUREMENT_DATE',
        'VALUE_AS_NUMBER',
        'UNIT_SOURCE_VALUE',
      ],
      ...PERSONS.slice(0, 10).map((p) => [900 + p, p, HBA1C, '2025-02-01', 50 + p, 'mmol/mol']),
      [999, 3, HBA1C, '2025-07-15', 61, 'mmol/mol'],
    ]),
    'CONCEPT.csv': csv([
      [
        'CONCEPT_ID',
        'CONCEPT_NAME',
        'DOMAIN_ID',
        'VOCABULARY_ID',
        'CONCEPT_CLASS_ID',
        'STANDARD_CONCEPT',
        'CONCEPT_CODE',
        'VALID_START_DATE',
        'VALID_END_DATE',
        'INVALID_REASON',
      ],
      concept(MALE, 'MALE', 'Gender', 'Gender', 'Gender', 'M'),
      concept(FEMALE, 'FEMALE', 'Gender', 'Gender', 'Gender', 'F'),
      concept(INPATIENT_VISIT, 'Inpatient Visit', 'Visit', 'Visit', 'Visit', 'IP'),
      concept(
        TYPE_2_DIABETES,
        'Type 2 diabetes mellitus',
        'Condition',
        'SNOMED',
        FINDING,
        '44054006',
      ),
      concept(DIABETES_MELLITUS, 'Diabetes mellitus', 'Condition', 'SNOMED', FINDING, '73211009'),
      concept(
        ESSENTIAL_HYPERTENSION,
        'Essential hypertension',
        'Condition',
        'SNOMED',
        FINDING,
        '59621000',
      ),
      concept(
        HBA1C,
        'Hemoglobin A1c/Hemoglobin.total in Blood',
        'Measurement',
        'LOINC',
        'Lab Test',
        '4548-4',
      ),
      concept(
        MYOCARDIAL_INFARCTION,
        'Myocardial infarction',
        'Condition',
        'SNOMED',
        FINDING,
        '22298006',
      ),
    ]),
    'CONCEPT_ANCESTOR.csv': csv([
      [
        'ANCESTOR_CONCEPT_ID',
        'DESCENDANT_CONCEPT_ID',
        'MIN_LEVELS_OF_SEPARATION',
        'MAX_LEVELS_OF_SEPARATION',
      ],
      [DIABETES_MELLITUS, TYPE_2_DIABETES, 1, 1],
      [DIABETES_MELLITUS, DIABETES_MELLITUS, 0, 0],
      [TYPE_2_DIABETES, TYPE_2_DIABETES, 0, 0],
      [ESSENTIAL_HYPERTENSION, ESSENTIAL_HYPERTENSION, 0, 0],
      [MYOCARDIAL_INFARCTION, MYOCARDIAL_INFARCTION, 0, 0],
    ]),
    'CARE_SITE.csv': csv([
      ['CARE_SITE_ID', 'CARE_SITE_NAME', 'PLACE_OF_SERVICE_CONCEPT_ID'],
      [1, '"University Hospitals Birmingham NHS Foundation Trust"', 8717],
      [2, '"Nottingham University Hospitals NHS Trust"', 8717],
    ]),
    'DEATH.csv': csv([
      ['PERSON_ID', 'DEATH_DATE'],
      [30, '2024-12-31'],
    ]),
  });
}

const FINDING = 'Clinical Finding';

/** One CONCEPT.csv row: a standard concept, valid throughout. */
function concept(
  id: number,
  name: string,
  domain: string,
  vocabulary: string,
  conceptClass: string,
  code: string,
): (string | number)[] {
  return [id, name, domain, vocabulary, conceptClass, 'S', code, '1970-01-01', '2099-12-31', ''];
}

const messages = (problems: ImportReport['errors']) => problems.map((p) => p.message);

function assertHasMessage(problems: ImportReport['errors'], expected: string | RegExp): void {
  const found = messages(problems).some((message) =>
    typeof expected === 'string' ? message === expected : expected.test(message),
  );
  assert.ok(found, `no message ${String(expected)} in:\n${messages(problems).join('\n')}`);
}

async function snapshot(directory: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(directory)).sort()) {
    files[name] = createHash('sha256')
      .update(await readFile(join(directory, name)))
      .digest('hex');
  }
  return files;
}

const leftoverFolders = async (dataDir: string) =>
  (await readdir(dataDir)).filter((name) => name !== 'omop');

test('an extract in another tool’s layout is imported and installed with its warnings', async () => {
  const from = await writeOtherToolExtract('other-tool');
  const dataDir = join(root, 'data-other-tool');
  const report = await importOmopExtract({ from, dataDir });

  assert.deepEqual(report.errors, []);
  assert.equal(report.ok, true);
  assert.equal(report.referenceDate, '2025-06-30');
  assert.equal(report.referenceDateSource, 'the latest observation_period_end_date');
  assertHasMessage(
    report.warnings,
    'person has no month_of_birth or day_of_birth column: ages are taken as if born on 1 January.',
  );
  assertHasMessage(
    report.warnings,
    'condition_occurrence: 2 rows are dated after the reference date 2025-06-30 and will be ignored when counting.',
  );
  assertHasMessage(
    report.warnings,
    'measurement: 1 row is dated after the reference date 2025-06-30 and will be ignored when counting.',
  );
  assertHasMessage(
    report.warnings,
    `condition_occurrence.condition_concept_id: 1 row uses 1 concept id not in the concept table, e.g. ${VIRAL_SINUSITIS}; they can only be named as OMOP:<concept_id>.`,
  );
  assertHasMessage(report.warnings, /^There is no drug_exposure table/);
  assertHasMessage(
    report.warnings,
    'visit_occurrence.care_site_id: 1 row names 1 care site not in the care_site table, e.g. 7; their ids are shown instead of names.',
  );
  assert.equal(
    report.warnings.filter((w) => /no concept table|no care_site/.test(w.message)).length,
    0,
  );

  assert.equal(report.tables.condition_occurrence?.separator, 'tab');
  assert.equal(report.tables.person?.separator, 'comma');
  assert.deepEqual(report.tables.person.columnsMissing, ['month_of_birth', 'day_of_birth']);
  assert.deepEqual(report.tables.person.columnsIgnored, ['RACE_CONCEPT_ID']);
  assert.deepEqual(report.tables.concept?.columnsIgnored, [
    'VALID_START_DATE',
    'VALID_END_DATE',
    'INVALID_REASON',
  ]);
  assert.deepEqual(report.ignoredFiles, ['DEATH.csv']);

  const live = populationDirectory(dataDir);
  const manifest = await readManifest(live);
  assert.deepEqual(manifest, report.manifest);
  assert.equal(manifest?.source, 'imported');
  assert.equal(manifest.description, 'Imported OMOP CDM extract from other-tool');
  assert.equal(manifest.synthetic, false);
  assert.equal(manifest.referenceDate, '2025-06-30');
  assert.equal(manifest.persons, 30);
  assert.equal(manifest.hasConceptAncestor, true);
  assert.deepEqual(manifest.notes, messages(report.warnings));
  assert.deepEqual(await leftoverFolders(dataDir), []);

  const text = formatImportReport(report);
  assert.match(text, /^Reference date: 2025-06-30 \(the latest observation_period_end_date\)$/m);
  assert.match(text, /^person \(PERSON\.csv, CSV, comma-separated\)$/m);
  assert.match(text, /^ {2}Columns missing: month_of_birth, day_of_birth$/m);
  assert.match(text, /^Files ignored: DEATH\.csv$/m);
  assert.match(text, /^Errors: none$/m);
  assert.match(text, /^Imported 30 persons as population /m);
});

test('every table is written as Parquet with the required columns and types', async () => {
  const dataDir = join(root, 'data-other-tool');
  const live = populationDirectory(dataDir);
  for (const table of POPULATION_TABLES) {
    const columns = await rows(`DESCRIBE SELECT * FROM read_parquet('${tableFile(live, table)}')`);
    assert.deepEqual(
      columns.map(([name, type]) => [name, type]),
      Object.entries(REQUIRED_COLUMNS[table]),
      table,
    );
  }
  const person = `read_parquet('${tableFile(live, 'person')}')`;
  assert.deepEqual(await rows(`SELECT count(*), count(month_of_birth) FROM ${person}`), [[30, 0]]);
  assert.deepEqual(
    await rows(`SELECT count(*) FROM read_parquet('${tableFile(live, 'drug_exposure')}')`),
    [[0]],
  );
  assert.deepEqual(
    await rows(
      `SELECT care_site_name FROM read_parquet('${tableFile(live, 'care_site')}') ORDER BY care_site_id`,
    ),
    [
      ['University Hospitals Birmingham NHS Foundation Trust'],
      ['Nottingham University Hospitals NHS Trust'],
    ],
  );
});

test('the vocabulary is pruned to the concepts used and their ancestors', async () => {
  const live = populationDirectory(join(root, 'data-other-tool'));
  const concepts = await rows(
    `SELECT concept_id FROM read_parquet('${tableFile(live, 'concept')}') ORDER BY concept_id`,
  );
  assert.deepEqual(concepts.flat(), [
    MALE,
    FEMALE,
    INPATIENT_VISIT,
    DIABETES_MELLITUS,
    TYPE_2_DIABETES,
    ESSENTIAL_HYPERTENSION,
    HBA1C,
  ]);
  const ancestors = await rows(
    `SELECT ancestor_concept_id, descendant_concept_id FROM read_parquet('${tableFile(live, 'concept_ancestor')}')
     ORDER BY ALL`,
  );
  assert.deepEqual(ancestors, [
    [DIABETES_MELLITUS, TYPE_2_DIABETES],
    [TYPE_2_DIABETES, TYPE_2_DIABETES],
    [ESSENTIAL_HYPERTENSION, ESSENTIAL_HYPERTENSION],
  ]);
  const manifest = await readManifest(live);
  assert.equal(manifest?.tables.concept, 7);
  assert.equal(manifest.tables.concept_ancestor, 3);
});

async function writeParquetExtract(folder: string): Promise<string> {
  const directory = join(root, folder);
  await mkdir(directory, { recursive: true });
  const to = (table: string) => `'${join(directory, `${table}.parquet`)}' (FORMAT parquet)`;
  await db.run(
    `COPY (SELECT range::BIGINT AS "PERSON_ID", CASE WHEN range % 2 = 0 THEN ${FEMALE} ELSE ${MALE} END AS "Gender_Concept_Id",
       (1950 + range)::INTEGER AS year_of_birth, 6 AS month_of_birth, 15 AS day_of_birth,
       NULL::BIGINT AS care_site_id, 'P' || range AS person_source_value
     FROM range(1, 21)) TO ${to('person')};
     COPY (SELECT range::BIGINT AS visit_occurrence_id, range::BIGINT AS person_id,
       ${INPATIENT_VISIT} AS visit_concept_id, DATE '2024-01-01' + range::INTEGER AS visit_start_date,
       NULL::BIGINT AS care_site_id
     FROM range(1, 21)) TO ${to('visit_occurrence')};
     COPY (SELECT 100 + range AS condition_occurrence_id, range AS person_id,
       ${TYPE_2_DIABETES} AS condition_concept_id,
       TIMESTAMP '2023-05-01 09:30:00' AS condition_start_date
     FROM range(1, 6)) TO ${to('condition_occurrence')};`,
  );
  return directory;
}

test('a Parquet extract is imported, the reference date taken from the latest event', async () => {
  const from = await writeParquetExtract('parquet-extract');
  const dataDir = join(root, 'data-parquet');
  const report = await importOmopExtract({ from, dataDir, synthetic: true });

  assert.deepEqual(report.errors, []);
  assert.equal(report.referenceDate, '2024-01-21');
  assert.equal(report.referenceDateSource, 'the latest event date');
  assert.equal(report.tables.person?.format, 'parquet');
  assert.deepEqual(report.tables.person.columnsIgnored, ['person_source_value']);
  assertHasMessage(
    report.warnings,
    'There is no concept table: concepts can only be named as OMOP:<concept_id>.',
  );
  assertHasMessage(
    report.warnings,
    'There is no care_site table: trust names are unknown, so care site ids are shown instead.',
  );
  const manifest = await readManifest(populationDirectory(dataDir));
  assert.equal(manifest?.synthetic, true);
  assert.equal(manifest.persons, 20);
  assert.equal(manifest.hasConceptAncestor, false);
  assert.deepEqual(manifest.tables, {
    person: 20,
    observation_period: 0,
    visit_occurrence: 20,
    condition_occurrence: 5,
    measurement: 0,
    drug_exposure: 0,
    care_site: 0,
    location: 0,
    concept: 0,
    concept_ancestor: 0,
  });
  const dates = await rows(
    `SELECT min(condition_start_date)::VARCHAR FROM read_parquet('${tableFile(populationDirectory(dataDir), 'condition_occurrence')}')`,
  );
  assert.deepEqual(dates, [['2023-05-01']]);
});

test('a reference date given is used, and one that is not a date is refused', async () => {
  const from = join(root, 'parquet-extract');
  const given = await importOmopExtract({
    from,
    dataDir: join(root, 'data-given'),
    referenceDate: '2024-01-10',
  });
  assert.equal(given.ok, true);
  assert.equal(given.referenceDate, '2024-01-10');
  assert.equal(given.referenceDateSource, 'as given');
  assertHasMessage(
    given.warnings,
    /^visit_occurrence: 11 rows are dated after the reference date 2024-01-10/,
  );

  const wrong = await importOmopExtract({
    from,
    dataDir: join(root, 'data-wrong-date'),
    referenceDate: '2024-02-30',
  });
  assert.equal(wrong.ok, false);
  assertHasMessage(wrong.errors, 'The reference date 2024-02-30 is not a date written YYYY-MM-DD.');
});

async function installFirstPopulation(dataDir: string) {
  const first = await importOmopExtract({
    from: await writeOtherToolExtract('installed-first'),
    dataDir,
  });
  assert.equal(first.ok, true);
  const live = populationDirectory(dataDir);
  return { live, id: first.manifest?.id, files: await snapshot(live) };
}

async function assertStillInstalled(
  dataDir: string,
  installed: Awaited<ReturnType<typeof installFirstPopulation>>,
) {
  assert.deepEqual(await snapshot(installed.live), installed.files);
  assert.equal((await readManifest(installed.live))?.id, installed.id);
  assert.deepEqual(await leftoverFolders(dataDir), []);
}

test('a broken extract is refused with every problem named and the live population kept', async () => {
  const dataDir = join(root, 'data-broken');
  const installed = await installFirstPopulation(dataDir);
  const from = await writeFiles('broken', {
    'condition_occurrence.csv': csv([
      ['condition_occurrence_id', 'person_id', 'condition_concept_id', 'condition_start_date'],
      [1, 1, TYPE_2_DIABETES, '2020-01-01'],
      [2, 1, TYPE_2_DIABETES, '2020-13-45'],
      ['abc', 2, TYPE_2_DIABETES, '2021-05-05'],
    ]),
    'measurement.csv': csv([
      ['measurement_id', 'person_id', 'measurement_concept_id', 'value_as_number'],
      [1, 1, HBA1C, 48],
    ]),
  });
  const report = await importOmopExtract({ from, dataDir });

  assert.equal(report.ok, false);
  assert.equal(report.manifest, undefined);
  assertHasMessage(
    report.errors,
    'There is no person table: the folder needs person.csv (or .tsv, .txt, .parquet; any case).',
  );
  assertHasMessage(
    report.errors,
    "condition_occurrence.condition_start_date: 1 row has a value that is not a date, e.g. row 3: '2020-13-45'.",
  );
  assertHasMessage(
    report.errors,
    "condition_occurrence.condition_occurrence_id: 1 row has a value that is not a whole number, e.g. row 4: 'abc'.",
  );
  assertHasMessage(report.errors, 'measurement: the required column measurement_date is missing.');
  assert.equal(report.errors.length, 4, messages(report.errors).join('\n'));
  const dated = report.errors.find((e) => e.column === 'condition_start_date');
  assert.deepEqual(
    [dated?.table, dated?.count, dated?.examples],
    ['condition_occurrence', 1, ["row 3: '2020-13-45'"]],
  );
  assert.match(
    formatImportReport(report),
    /^Refused: nothing was installed; the population in place is unchanged\.$/m,
  );
  await assertStillInstalled(dataDir, installed);
});

test('events for unknown persons, repeated ids and empty values are refused', async () => {
  const dataDir = join(root, 'data-orphans');
  const installed = await installFirstPopulation(dataDir);
  const from = await writeFiles('orphans', {
    'Person.csv': csv([
      ['person_id', 'gender_concept_id', 'year_of_birth'],
      [1, MALE, 1960],
      [2, FEMALE, 1970],
      [3, '', 1980],
      [3, MALE, 1990],
    ]),
    'visit_occurrence.tsv': csv(
      [
        [
          'visit_occurrence_id',
          'person_id',
          'visit_concept_id',
          'visit_start_date',
          'care_site_id',
        ],
        [1, 1, INPATIENT_VISIT, '2024-01-01', ''],
        [2, 98, INPATIENT_VISIT, '2024-01-02', ''],
        [3, 99, INPATIENT_VISIT, '2024-01-03', ''],
        [4, 99, INPATIENT_VISIT, '2024-01-04', ''],
      ],
      '\t',
    ),
  });
  const report = await importOmopExtract({ from, dataDir });

  assert.equal(report.ok, false);
  assertHasMessage(
    report.errors,
    'visit_occurrence: 3 rows belong to 2 persons not in the person table, e.g. person_id 98, 99.',
  );
  assertHasMessage(
    report.errors,
    'person.person_id: 1 id appears more than once (2 rows), e.g. 3.',
  );
  assertHasMessage(report.errors, 'person.gender_concept_id: 1 row has no value, e.g. row 4.');
  assert.equal(report.errors.length, 3, messages(report.errors).join('\n'));
  await assertStillInstalled(dataDir, installed);
});

test('an imported extract gives the same counts on the fast engine as on the reference SQL', async () => {
  const from = await writeOtherToolExtract('other-tool-counts');
  const dataDir = join(root, 'data-other-tool-counts');
  const report = await importOmopExtract({ from, dataDir });
  assert.equal(report.ok, true);
  const directory = populationDirectory(dataDir);
  const index = await buildPersonIndex(directory);
  const runner = await duckdbReference(directory);
  const context = { referenceDate: report.referenceDate };
  const criteria: CriteriaNode[] = [
    { type: 'condition', concepts: ['SNOMED:44054006'] },
    { type: 'condition', concepts: ['SNOMED:73211009'], descendants: true },
    { type: 'condition', concepts: [`OMOP:${VIRAL_SINUSITIS}`], withinDays: 365 },
    {
      type: 'conditionCount',
      concepts: ['SNOMED:73211009', 'SNOMED:59621000'],
      atLeast: 2,
      descendants: true,
    },
    { type: 'measurement', concept: 'LOINC:4548-4', op: '>=', value: 48, which: 'latest' },
    { type: 'visit', visitType: 'inpatient', withinDays: 365 },
    {
      all: [
        { type: 'sex', value: 'female' },
        { type: 'age', min: 40, max: 79 },
      ],
    },
    { not: { type: 'condition', concepts: ['SNOMED:59621000'] } },
  ];
  try {
    let nonZero = 0;
    for (const node of criteria) {
      const resolved = plan(index, node);
      assert.ok(resolved.ok, JSON.stringify(node));
      const fast = countPlan(index, resolved.plan).total;
      assert.equal(fast, await referenceCount(runner, node, context), JSON.stringify(node));
      if (fast > 0) nonZero += 1;
    }
    assert.ok(nonZero >= 6, 'most of the criteria find someone');
  } finally {
    await runner.close();
  }
});
