// Brings in an OMOP CDM v5.3 or v5.4 extract written by another tool (CSV or Parquet, one file per
// table), checks it, and installs it as the population the feasibility engine counts. Every problem
// is gathered before anything is written; on any error nothing is installed and the live population
// stays as it was.
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import {
  POPULATION_TABLES,
  REQUIRED_COLUMNS,
  installPopulation,
  populationDirectory,
  stagingDirectory,
  tableFile,
  type PopulationManifest,
  type PopulationTable,
} from './store.js';

export interface ImportProblem {
  /** The table the problem is in, when it is about one. */
  table?: PopulationTable;
  column?: string;
  /** Rows affected, when counted. */
  count?: number;
  /** A few examples: values, or "row 7: '2020-13-45'". */
  examples?: string[];
  /** The whole problem in plain words, examples included. */
  message: string;
}

export interface TableReport {
  /** The file's name as found in the folder. */
  file: string;
  format: 'csv' | 'parquet';
  /** For CSV: the separator found in the header row. */
  separator?: 'comma' | 'tab';
  rowsRead: number;
  /** Rows in the installed population (the vocabulary is pruned to the concepts used). */
  rowsWritten?: number;
  /** Required columns found (the engine's names). */
  columnsUsed: string[];
  /** Required columns not found. */
  columnsMissing: string[];
  /** Other columns, spelt as in the file; they are not kept. */
  columnsIgnored: string[];
}

export interface ImportReport {
  ok: boolean;
  /** The folder imported from. */
  from: string;
  errors: ImportProblem[];
  warnings: ImportProblem[];
  tables: Partial<Record<PopulationTable, TableReport>>;
  /** Files in the folder that are not a population table. */
  ignoredFiles: string[];
  /** YYYY-MM-DD, or empty when it could not be worked out. */
  referenceDate: string;
  /** Where the reference date came from, in words. */
  referenceDateSource: string;
  /** The installed population's manifest, when the import succeeded. */
  manifest?: PopulationManifest;
}

export interface ImportOptions {
  from: string;
  dataDir: string;
  /** YYYY-MM-DD; by default the latest observation period end, else the latest event. */
  referenceDate?: string;
  synthetic?: boolean;
}

const EVENT_TABLES = [
  'condition_occurrence',
  'measurement',
  'drug_exposure',
  'visit_occurrence',
] as const satisfies readonly PopulationTable[];
type EventTable = (typeof EVENT_TABLES)[number];

const EVENT_COLUMNS: Record<EventTable, { concept: string; date: string }> = {
  condition_occurrence: {
    concept: 'condition_concept_id',
    date: 'condition_start_date',
  },
  measurement: {
    concept: 'measurement_concept_id',
    date: 'measurement_date',
  },
  drug_exposure: {
    concept: 'drug_concept_id',
    date: 'drug_exposure_start_date',
  },
  visit_occurrence: { concept: 'visit_concept_id', date: 'visit_start_date' },
};

const PRIMARY_KEYS: Partial<Record<PopulationTable, string>> = {
  person: 'person_id',
  observation_period: 'observation_period_id',
  visit_occurrence: 'visit_occurrence_id',
  condition_occurrence: 'condition_occurrence_id',
  measurement: 'measurement_id',
  drug_exposure: 'drug_exposure_id',
  care_site: 'care_site_id',
  location: 'location_id',
  concept: 'concept_id',
};

/**
 * Required columns that may be left out altogether: written empty, with what that means (null:
 * the date of birth, reported once for both of its parts).
 */
const OPTIONAL_COLUMNS: Record<string, string | null> = {
  'person.month_of_birth': null,
  'person.day_of_birth': null,
  'person.care_site_id': 'persons have no home trust, so counts cannot be split by trust',
  'visit_occurrence.care_site_id': 'visits have no trust, so criteria on a trust match no visit',
  'measurement.value_as_number': 'criteria on measured values match no one',
};

/** Columns that must be there but may have empty values, as the OMOP CDM allows. */
const EMPTY_VALUES_ALLOWED = new Set(['concept.standard_concept', 'care_site.care_site_name']);

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
const isPopulationTable = (name: string): name is PopulationTable =>
  (POPULATION_TABLES as readonly string[]).includes(name);

async function query(db: DuckDBConnection, sql: string): Promise<DuckDBValue[][]> {
  return (await db.runAndReadAll(sql)).getRows();
}

async function numbers(db: DuckDBConnection, sql: string): Promise<number[]> {
  const row = (await query(db, sql))[0] ?? [];
  return row.map((value) => Number(value ?? 0));
}

async function strings(db: DuckDBConnection, sql: string): Promise<string[]> {
  return (await query(db, sql)).map((row) => String(row[0]));
}

/** Everything one import run needs to hand: the database, the report, the options. */
interface ImportRun {
  db: DuckDBConnection;
  report: ImportReport;
  /** Tables that were given and could be read. */
  given: Set<PopulationTable>;
}

export async function importOmopExtract(options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    ok: false,
    from: resolve(options.from),
    errors: [],
    warnings: [],
    tables: {},
    ignoredFiles: [],
    referenceDate: '',
    referenceDateSource: '',
  };
  // DuckDB spills to disk beside the working directory unless told otherwise.
  const spill = await mkdtemp(join(tmpdir(), 'omop-import-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: '2', temp_directory: spill });
  const db = await instance.connect();
  const run: ImportRun = { db, report, given: new Set() };
  try {
    const files = await findTableFiles(report);
    if (!files) return report;
    await readExtract(run, files);
    checkTablesGiven(run);
    await checkKeysAndPersons(run);
    await chooseReferenceDate(run, options.referenceDate);
    await checkLateEvents(run);
    await checkConcepts(run);
    await checkCareSites(run);
    if (report.errors.length === 0) report.manifest = await writeAndInstall(run, options);
  } finally {
    db.closeSync();
    instance.closeSync();
    await rm(spill, { recursive: true, force: true });
  }
  report.ok = report.errors.length === 0;
  return report;
}

// --- Finding and reading the files ---

/** Table -> its file in the folder; undefined (and an error) when the folder cannot be read. */
async function findTableFiles(
  report: ImportReport,
): Promise<Map<PopulationTable, string> | undefined> {
  const files = new Map<PopulationTable, string>();
  let entries;
  try {
    entries = await readdir(report.from, { withFileTypes: true });
  } catch {
    report.errors.push({ message: `The folder ${report.from} cannot be read or does not exist.` });
    return undefined;
  }
  for (const entry of entries
    .filter((e) => e.isFile())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const extension = extname(entry.name).toLowerCase();
    const table = basename(entry.name, extname(entry.name)).toLowerCase();
    const readable = CSV_EXTENSIONS.has(extension) || extension === '.parquet';
    if (!readable || !isPopulationTable(table)) {
      report.ignoredFiles.push(entry.name);
      continue;
    }
    const earlier = files.get(table);
    if (earlier) {
      report.errors.push({
        table,
        message: `${table}: two files hold this table (${basename(earlier)} and ${entry.name}); keep one.`,
      });
      continue;
    }
    files.set(table, join(report.from, entry.name));
  }
  return files;
}

/** Comma or tab, whichever the header row has more of. */
async function separatorOf(file: string): Promise<'comma' | 'tab'> {
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(65_536), 0, 65_536, 0);
    const header = buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0] ?? '';
    const tabs = header.split('\t').length;
    return tabs > header.split(',').length ? 'tab' : 'comma';
  } finally {
    await handle.close();
  }
}

async function readExtract(run: ImportRun, files: Map<PopulationTable, string>): Promise<void> {
  for (const table of POPULATION_TABLES) {
    const file = files.get(table);
    if (file) await readTable(run, table, file);
    if (!run.given.has(table)) await createEmptyTable(run.db, table);
  }
}

interface Source {
  /** A DuckDB table function reading the file. */
  sql: string;
  format: TableReport['format'];
  separator?: TableReport['separator'];
}

async function sourceOf(file: string): Promise<Source> {
  if (extname(file).toLowerCase() === '.parquet') {
    return { sql: `read_parquet(${sqlString(file)})`, format: 'parquet' };
  }
  const separator = await separatorOf(file);
  const delimiter = separator === 'tab' ? '\t' : ',';
  return {
    sql: `read_csv(${sqlString(file)}, header = true, all_varchar = true, delim = '${delimiter}', nullstr = ['', 'NULL'])`,
    format: 'csv',
    separator,
  };
}

interface RawTable {
  source: Source;
  /** The file's column names. */
  names: string[];
  /** Required column -> the file's spelling of it. */
  found: Map<string, string>;
}

/**
 * Reads one file into raw_<table>: the required columns as trimmed text, in file order. Returns
 * why not when the file cannot be used.
 */
async function readRawTable(
  db: DuckDBConnection,
  table: PopulationTable,
  file: string,
): Promise<RawTable | string> {
  if ((await stat(file)).size === 0) return 'is empty (a header row is needed)';
  const source = await sourceOf(file);
  const columns = Object.keys(REQUIRED_COLUMNS[table]);
  try {
    const names = await strings(
      db,
      `SELECT column_name FROM (DESCRIBE SELECT * FROM ${source.sql})`,
    );
    const found = matchColumns(table, names);
    if (found.size === 0) {
      return `has none of the columns ${columns.join(', ')}: the first row must name the columns, separated by commas or tabs`;
    }
    const select = columns.map((column) => {
      const name = found.get(column);
      return name === undefined
        ? `NULL::VARCHAR AS ${column}`
        : `nullif(trim(CAST(${identifier(name)} AS VARCHAR)), '') AS ${column}`;
    });
    await db.run(`CREATE TABLE raw_${table} AS SELECT ${select.join(', ')} FROM ${source.sql}`);
    return { source, names, found };
  } catch (error) {
    return `cannot be read (${(error as Error).message.split('\n')[0] ?? ''})`;
  }
}

/** Reads one file, checks every required value, then makes <table> with the engine's types. */
async function readTable(run: ImportRun, table: PopulationTable, file: string): Promise<void> {
  const raw = await readRawTable(run.db, table, file);
  if (typeof raw === 'string') {
    run.report.errors.push({ table, message: `${table}: ${basename(file)} ${raw}.` });
    return;
  }
  const { source, names, found } = raw;
  const columns = Object.keys(REQUIRED_COLUMNS[table]);
  const [rowsRead = 0] = await numbers(run.db, `SELECT count(*) FROM raw_${table}`);
  const used = new Set(found.values());
  run.report.tables[table] = {
    file: basename(file),
    format: source.format,
    ...(source.separator ? { separator: source.separator } : {}),
    rowsRead,
    columnsUsed: columns.filter((column) => found.has(column)),
    columnsMissing: columns.filter((column) => !found.has(column)),
    columnsIgnored: names.filter((name) => !used.has(name)),
  };
  run.given.add(table);
  for (const column of columns) await checkColumn(run, table, column, found.has(column));
  if (table === 'person') reportBirthDate(run.report, found);
  const typed = columns.map((column) => `${castSql(column, typeOf(table, column))} AS ${column}`);
  await run.db.run(
    `CREATE TABLE ${table} AS SELECT ${typed.join(', ')} FROM raw_${table}; DROP TABLE raw_${table};`,
  );
}

/** Required column -> the file's own spelling; names are matched ignoring case and spaces. */
function matchColumns(table: PopulationTable, names: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const name of names) {
    const column = name.trim().toLowerCase();
    if (column in REQUIRED_COLUMNS[table] && !found.has(column)) found.set(column, name);
  }
  return found;
}

const typeOf = (table: PopulationTable, column: string) =>
  REQUIRED_COLUMNS[table][column] ?? 'VARCHAR';

/** The trimmed text value cast to the engine's type; NULL when it does not cast. */
function castSql(column: string, type: string): string {
  switch (type) {
    case 'BIGINT':
    case 'INTEGER':
      // Whole numbers only ("12" or "12.0" as some tools write them); "12.5" is not an id.
      return `CASE WHEN regexp_full_match(${column}, '[+-]?[0-9]+([.]0*)?') THEN TRY_CAST(${column} AS ${type}) END`;
    case 'DOUBLE':
      return `TRY_CAST(${column} AS DOUBLE)`;
    case 'DATE':
      // ISO dates, date-times (the date part is kept) and the compact YYYYMMDD some dumps use.
      return `coalesce(TRY_CAST(${column} AS DATE), CASE WHEN regexp_full_match(${column}, '[0-9]{8}')
        THEN TRY_CAST(try_strptime(${column}, '%Y%m%d') AS DATE) END)`;
    default:
      return `${column}::${type}`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  BIGINT: 'a whole number',
  INTEGER: 'a whole number (at most 2,147,483,647)',
  DOUBLE: 'a number',
  DATE: 'a date',
};

async function checkColumn(
  run: ImportRun,
  table: PopulationTable,
  column: string,
  present: boolean,
): Promise<void> {
  const key = `${table}.${column}`;
  const consequence = OPTIONAL_COLUMNS[key];
  if (!present) {
    if (consequence === null) return;
    if (consequence !== undefined) {
      run.report.warnings.push({
        table,
        column,
        message: `${table} has no ${column} column: ${consequence}.`,
      });
    } else {
      run.report.errors.push({
        table,
        column,
        message: `${table}: the required column ${column} is missing.`,
      });
    }
    return;
  }
  if (consequence === undefined && !EMPTY_VALUES_ALLOWED.has(key)) {
    await reportBadRows(run, table, column, `${column} IS NULL`, 'have no value');
  }
  const type = typeOf(table, column);
  if (type in TYPE_WORDS) {
    await reportBadRows(
      run,
      table,
      column,
      `${column} IS NOT NULL AND (${castSql(column, type)}) IS NULL`,
      `have a value that is not ${TYPE_WORDS[type] ?? type}`,
    );
  }
}

/** Errors for the rows of raw_<table> matching a condition, with up to 3 row numbers and values. */
async function reportBadRows(
  run: ImportRun,
  table: PopulationTable,
  column: string,
  condition: string,
  problem: string,
): Promise<void> {
  const [count = 0] = await numbers(run.db, `SELECT count(*) FROM raw_${table} WHERE ${condition}`);
  if (count === 0) return;
  // Rows are numbered as a spreadsheet shows them: in a CSV file the header is row 1.
  const first = run.report.tables[table]?.format === 'csv' ? 2 : 1;
  const rows = await query(
    run.db,
    `SELECT rowid + ${first}, ${column} FROM raw_${table} WHERE ${condition} ORDER BY rowid LIMIT 3`,
  );
  const examples = rows.map(([row, value]) =>
    value === null ? `row ${String(row)}` : `row ${String(row)}: '${String(value)}'`,
  );
  const verb = count === 1 ? problem.replace(/^have /, 'has ') : problem;
  run.report.errors.push({
    table,
    column,
    count,
    examples,
    message: `${table}.${column}: ${plural(count, 'row')} ${verb}, e.g. ${examples.join(', ')}.`,
  });
}

/** The engine takes a missing month or day of birth as 1: what that means, said once. */
const BIRTH_DATE_GAPS: Record<string, string> = {
  'month_of_birth day_of_birth':
    'person has no month_of_birth or day_of_birth column: ages are taken as if born on 1 January.',
  month_of_birth: 'person has no month_of_birth column: ages are taken as if born in January.',
  day_of_birth:
    'person has no day_of_birth column: ages are taken as if born on the 1st of the month.',
};

function reportBirthDate(report: ImportReport, found: Map<string, string>): void {
  const missing = ['month_of_birth', 'day_of_birth'].filter((column) => !found.has(column));
  const message = BIRTH_DATE_GAPS[missing.join(' ')];
  if (message) report.warnings.push({ table: 'person', column: missing[0], message });
}

async function createEmptyTable(db: DuckDBConnection, table: PopulationTable): Promise<void> {
  const columns = Object.entries(REQUIRED_COLUMNS[table]).map(([c, type]) => `${c} ${type}`);
  await db.run(`CREATE TABLE ${table} (${columns.join(', ')})`);
}

// --- Checks across tables ---

/** A table whose file was there but could not be used (reported as an error already). */
const readFailed = (report: ImportReport, table: PopulationTable) =>
  report.errors.some((e) => e.table === table && !e.column);

/** What a table left out means for counting. */
const ABSENT_TABLES: Partial<Record<PopulationTable, string>> = {
  condition_occurrence: 'criteria on conditions match no one',
  measurement: 'criteria on measurements match no one',
  drug_exposure: 'criteria on drugs match no one',
  visit_occurrence: 'criteria on visits match no one',
  concept: 'concepts can only be named as OMOP:<concept_id>',
  concept_ancestor: 'a concept matches only itself, not its descendants',
  care_site: 'trust names are unknown, so care site ids are shown instead',
};

function checkTablesGiven({ report, given }: ImportRun): void {
  const absent = (table: PopulationTable) => !given.has(table) && !readFailed(report, table);
  const noEvents = EVENT_TABLES.every(absent);
  // Missing tables are the first thing to put right, so they head the list.
  if (noEvents) {
    report.errors.unshift({
      message: `There is no event table: at least one of ${EVENT_TABLES.join(', ')} is needed.`,
    });
  }
  if (absent('person')) {
    report.errors.unshift({
      table: 'person',
      message:
        'There is no person table: the folder needs person.csv (or .tsv, .txt, .parquet; any case).',
    });
  }
  for (const [table, meaning] of Object.entries(ABSENT_TABLES) as [PopulationTable, string][]) {
    const isEvent = (EVENT_TABLES as readonly string[]).includes(table);
    if (absent(table) && !(isEvent && noEvents)) {
      report.warnings.push({ table, message: `There is no ${table} table: ${meaning}.` });
    }
  }
}

async function checkKeysAndPersons(run: ImportRun): Promise<void> {
  for (const [table, key] of Object.entries(PRIMARY_KEYS) as [PopulationTable, string][]) {
    if (run.given.has(table)) await checkDuplicateKeys(run, table, key);
  }
  // Without person ids to match, every event would look orphaned; the missing ids are reported.
  const person = run.report.tables.person;
  if (!person || person.columnsMissing.includes('person_id')) return;
  for (const table of [...EVENT_TABLES, 'observation_period'] as const) {
    if (!run.given.has(table)) continue;
    const missing = await unmatched(run.db, table, 'person_id', 'person', 'person_id', 3);
    if (missing.rows === 0) continue;
    run.report.errors.push({
      table,
      column: 'person_id',
      count: missing.rows,
      examples: missing.examples,
      message: `${table}: ${plural(missing.rows, 'row')} ${missing.rows === 1 ? 'belongs' : 'belong'} to ${plural(missing.distinct, 'person')} not in the person table, e.g. person_id ${missing.examples.join(', ')}.`,
    });
  }
}

async function checkDuplicateKeys(run: ImportRun, table: PopulationTable, key: string) {
  const repeated = `SELECT ${key} AS id, count(*) AS n FROM ${table} WHERE ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1`;
  const [ids = 0, rows = 0] = await numbers(run.db, `SELECT count(*), sum(n) FROM (${repeated})`);
  if (ids === 0) return;
  const examples = await strings(
    run.db,
    `SELECT id::VARCHAR FROM (${repeated}) ORDER BY id LIMIT 3`,
  );
  run.report.errors.push({
    table,
    column: key,
    count: rows,
    examples,
    message: `${table}.${key}: ${plural(ids, 'id')} ${ids === 1 ? 'appears' : 'appear'} more than once (${plural(rows, 'row')}), e.g. ${examples.join(', ')}.`,
  });
}

interface Unmatched {
  rows: number;
  distinct: number;
  examples: string[];
}

/** Rows of table whose column has a value not found in target.targetColumn. */
async function unmatched(
  db: DuckDBConnection,
  table: PopulationTable,
  column: string,
  target: PopulationTable,
  targetColumn: string,
  exampleCount: number,
): Promise<Unmatched> {
  const rows = `SELECT ${column} AS id FROM ${table} s WHERE ${column} IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ${target} t WHERE t.${targetColumn} = s.${column})`;
  const [count = 0, distinct = 0] = await numbers(
    db,
    `SELECT count(*), count(DISTINCT id) FROM (${rows})`,
  );
  const examples =
    count === 0
      ? []
      : await strings(
          db,
          `SELECT DISTINCT id::VARCHAR, id FROM (${rows}) ORDER BY id LIMIT ${exampleCount}`,
        );
  return { rows: count, distinct, examples };
}

function validDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

async function chooseReferenceDate(run: ImportRun, given: string | undefined): Promise<void> {
  const { report } = run;
  if (given !== undefined) {
    report.referenceDate = given;
    report.referenceDateSource = 'as given';
    if (!validDate(given)) {
      report.errors.push({
        message: `The reference date ${given} is not a date written YYYY-MM-DD.`,
      });
    }
    return;
  }
  const latest = async (sql: string) => String((await query(run.db, sql))[0]?.[0] ?? '');
  if (run.given.has('observation_period')) {
    report.referenceDate = await latest(
      'SELECT max(observation_period_end_date)::VARCHAR FROM observation_period',
    );
    report.referenceDateSource = 'the latest observation_period_end_date';
  }
  if (!report.referenceDate) {
    const dates = EVENT_TABLES.map((t) => `SELECT max(${EVENT_COLUMNS[t].date}) AS d FROM ${t}`);
    report.referenceDate = await latest(
      `SELECT max(d)::VARCHAR FROM (${dates.join(' UNION ALL ')})`,
    );
    report.referenceDateSource = 'the latest event date';
  }
  if (!report.referenceDate) {
    report.referenceDateSource = '';
    report.errors.push({
      message:
        'There are no dates to take the reference date from: give one with --reference-date.',
    });
  }
}

async function checkLateEvents(run: ImportRun): Promise<void> {
  const { referenceDate } = run.report;
  if (!validDate(referenceDate)) return;
  for (const table of EVENT_TABLES) {
    const column = EVENT_COLUMNS[table].date;
    const [count = 0] = await numbers(
      run.db,
      `SELECT count(*) FROM ${table} WHERE ${column} > DATE ${sqlString(referenceDate)}`,
    );
    if (count === 0) continue;
    run.report.warnings.push({
      table,
      column,
      count,
      message: `${table}: ${plural(count, 'row')} ${count === 1 ? 'is' : 'are'} dated after the reference date ${referenceDate} and will be ignored when counting.`,
    });
  }
}

/** Which columns hold concept ids the concept table should know. */
const CONCEPT_COLUMNS: [PopulationTable, string][] = [
  ['person', 'gender_concept_id'],
  ...EVENT_TABLES.map((table): [PopulationTable, string] => [table, EVENT_COLUMNS[table].concept]),
];

async function checkConcepts(run: ImportRun): Promise<void> {
  if (!run.given.has('concept')) return;
  for (const [table, column] of CONCEPT_COLUMNS) {
    const missing = await unmatched(run.db, table, column, 'concept', 'concept_id', 5);
    if (missing.rows === 0) continue;
    run.report.warnings.push({
      table,
      column,
      count: missing.rows,
      examples: missing.examples,
      message: `${table}.${column}: ${plural(missing.rows, 'row')} ${missing.rows === 1 ? 'uses' : 'use'} ${plural(missing.distinct, 'concept id')} not in the concept table, e.g. ${missing.examples.join(', ')}; they can only be named as OMOP:<concept_id>.`,
    });
  }
}

async function checkCareSites(run: ImportRun): Promise<void> {
  if (!run.given.has('care_site')) return;
  for (const table of ['person', 'visit_occurrence'] as const) {
    const missing = await unmatched(run.db, table, 'care_site_id', 'care_site', 'care_site_id', 5);
    if (missing.rows === 0) continue;
    run.report.warnings.push({
      table,
      column: 'care_site_id',
      count: missing.rows,
      examples: missing.examples,
      message: `${table}.care_site_id: ${plural(missing.rows, 'row')} ${missing.rows === 1 ? 'names' : 'name'} ${plural(missing.distinct, 'care site')} not in the care_site table, e.g. ${missing.examples.join(', ')}; their ids are shown instead of names.`,
    });
  }
}

// --- Writing and installing ---

/**
 * Keeps only the vocabulary the population uses: concepts that appear in it and their ancestors,
 * and the ancestor rows that lead to a used concept. A full OMOP vocabulary is millions of rows.
 */
async function pruneVocabulary(db: DuckDBConnection): Promise<void> {
  const used = CONCEPT_COLUMNS.map(([table, column]) => `SELECT ${column} AS id FROM ${table}`);
  await db.run(
    `CREATE TABLE used_concept AS SELECT DISTINCT id FROM (${used.join(' UNION ALL ')}) WHERE id IS NOT NULL;
     CREATE TABLE kept_concept_ancestor AS SELECT * FROM concept_ancestor
       WHERE descendant_concept_id IN (SELECT id FROM used_concept);
     CREATE TABLE kept_concept AS SELECT * FROM concept WHERE concept_id IN (
       SELECT id FROM used_concept UNION SELECT ancestor_concept_id FROM kept_concept_ancestor);
     DROP TABLE concept; ALTER TABLE kept_concept RENAME TO concept;
     DROP TABLE concept_ancestor; ALTER TABLE kept_concept_ancestor RENAME TO concept_ancestor;`,
  );
}

async function writeTables(run: ImportRun, staging: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of POPULATION_TABLES) {
    const columns = Object.keys(REQUIRED_COLUMNS[table]).join(', ');
    await run.db.run(
      `COPY (SELECT ${columns} FROM ${table}) TO ${sqlString(tableFile(staging, table))} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const [count = 0] = await numbers(run.db, `SELECT count(*) FROM ${table}`);
    rows[table] = count;
    const tableReport = run.report.tables[table];
    if (tableReport) tableReport.rowsWritten = count;
  }
  return rows;
}

async function writeAndInstall(
  run: ImportRun,
  options: ImportOptions,
): Promise<PopulationManifest | undefined> {
  const live = populationDirectory(options.dataDir);
  const staging = await stagingDirectory(live);
  try {
    await pruneVocabulary(run.db);
    const tables = await writeTables(run, staging);
    return await installPopulation(staging, live, {
      source: 'imported',
      description: `Imported OMOP CDM extract from ${basename(run.report.from)}`,
      synthetic: options.synthetic ?? false,
      referenceDate: run.report.referenceDate,
      persons: tables.person ?? 0,
      tables,
      hasConceptAncestor: (tables.concept_ancestor ?? 0) > 0,
      notes: run.report.warnings.map((warning) => warning.message),
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    run.report.errors.push({
      message: `The population could not be written: ${(error as Error).message}`,
    });
    return undefined;
  }
}

// --- The report in words ---

const REPORT_WIDTH = 100;

/** first + text, broken between words at REPORT_WIDTH, later lines starting with indent. */
function wrap(first: string, text: string, indent: string): string[] {
  const [head = '', ...words] = text.split(' ');
  const lines = [`${first}${head}`];
  for (const word of words) {
    const line = lines.pop() ?? '';
    if (line.length + 1 + word.length > REPORT_WIDTH) lines.push(line, `${indent}${word}`);
    else lines.push(`${line} ${word}`);
  }
  return lines;
}

const columnList = (label: string, names: string[]) =>
  wrap(`  ${label}: `, names.length === 0 ? 'none' : names.join(', '), '    ');

function formatTable(table: PopulationTable, summary: TableReport): string[] {
  const kind =
    summary.format === 'parquet' ? 'Parquet' : `CSV, ${summary.separator ?? 'comma'}-separated`;
  const written =
    summary.rowsWritten === undefined
      ? ''
      : `, ${summary.rowsWritten.toLocaleString('en-GB')} written`;
  return [
    `${table} (${summary.file}, ${kind})`,
    `  Rows: ${summary.rowsRead.toLocaleString('en-GB')} read${written}`,
    ...columnList('Columns used', summary.columnsUsed),
    ...(summary.columnsMissing.length > 0
      ? columnList('Columns missing', summary.columnsMissing)
      : []),
    ...columnList('Columns ignored', summary.columnsIgnored),
    '',
  ];
}

function formatProblems(heading: string, problems: ImportProblem[]): string[] {
  if (problems.length === 0) return [`${heading}: none`, ''];
  return [
    `${heading} (${problems.length}):`,
    ...problems.flatMap((problem) => wrap('  - ', problem.message, '    ')),
    '',
  ];
}

function formatOutcome(report: ImportReport): string {
  const { manifest } = report;
  if (!report.ok || !manifest) {
    return 'Refused: nothing was installed; the population in place is unchanged.';
  }
  const hierarchy = manifest.hasConceptAncestor
    ? 'concept lists may include descendants'
    : 'concept lists match only the concepts named';
  return `Imported ${plural(manifest.persons, 'person')} as population ${manifest.id} (${hierarchy}).`;
}

export function formatImportReport(report: ImportReport): string {
  const absent = POPULATION_TABLES.filter(
    (table) => !report.tables[table] && !readFailed(report, table),
  );
  const reference = report.referenceDate
    ? `${report.referenceDate} (${report.referenceDateSource})`
    : 'unknown';
  const lines = [
    `OMOP CDM import from ${report.from}`,
    `Reference date: ${reference}`,
    '',
    ...POPULATION_TABLES.flatMap((table) => {
      const summary = report.tables[table];
      return summary ? formatTable(table, summary) : [];
    }),
    ...wrap('Tables not given (written empty): ', absent.join(', ') || 'none', '  '),
    ...wrap('Files ignored: ', report.ignoredFiles.join(', ') || 'none', '  '),
    '',
    ...formatProblems('Errors', report.errors),
    ...formatProblems('Warnings', report.warnings),
    formatOutcome(report),
  ];
  return `${lines.join('\n')}\n`;
}
