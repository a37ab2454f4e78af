// The reference implementation: criteria compiled to plain SQL over the OMOP CDM tables, the same
// text for DuckDB and PostgreSQL. It is written for clarity, not speed, and is the oracle the fast
// engine is tested against. Concepts are resolved inside the SQL, through the `concept` table,
// so it depends on nothing the fast engine computes.
import type { CriteriaNode } from '../criteria.js';
import { AGE_BANDS } from './age-bands.js';

export interface ReferenceContext {
  /** YYYY-MM-DD. */
  referenceDate: string;
}

/** How criteria name vocabularies, and the OMOP `vocabulary_id` each stands for. */
export const VOCABULARY_IDS: Record<string, string> = {
  SNOMED: 'SNOMED',
  LOINC: 'LOINC',
  RXNORM: 'RxNorm',
  DMD: 'dm+d',
};

export const VISIT_CONCEPTS = { inpatient: 9201, outpatient: 9202, emergency: 9203 } as const;
export const GENDER_CONCEPTS = { male: 8507, female: 8532 } as const;

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

const number = (value: number) => {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
};

/** The date N days before the reference date, as YYYY-MM-DD. */
export function daysBefore(referenceDate: string, days: number): string {
  const date = new Date(`${referenceDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** A person's age in whole years on the reference date; a missing month or day counts as 1. */
export function ageSql(referenceDate: string, alias = 'p'): string {
  const [year, month, day] = referenceDate.split('-').map(Number) as [number, number, number];
  return `(${year} - ${alias}.year_of_birth - CASE WHEN coalesce(${alias}.month_of_birth, 1) * 100 + coalesce(${alias}.day_of_birth, 1) > ${month * 100 + day} THEN 1 ELSE 0 END)`;
}

/** The concept ids a list names: vocabulary codes through `concept`, OMOP ids as they are. */
function namedConcepts(concepts: readonly string[]): string {
  const byVocabulary = new Map<string, string[]>();
  const omopIds: number[] = [];
  for (const concept of concepts) {
    const [vocabulary, code] = concept.split(':') as [string, string];
    if (vocabulary === 'OMOP') omopIds.push(Number(code));
    else byVocabulary.set(vocabulary, [...(byVocabulary.get(vocabulary) ?? []), code]);
  }
  const parts: string[] = [];
  if (byVocabulary.size > 0) {
    const conditions = [...byVocabulary].map(
      ([vocabulary, codes]) =>
        `(c.vocabulary_id = ${text(VOCABULARY_IDS[vocabulary] ?? vocabulary)} AND c.concept_code IN (${codes.map(text).join(', ')}))`,
    );
    parts.push(`SELECT c.concept_id FROM concept c WHERE ${conditions.join(' OR ')}`);
  }
  if (omopIds.length > 0) {
    parts.push(
      `SELECT v.concept_id FROM (VALUES ${omopIds.map((id) => `(${id})`).join(', ')}) AS v(concept_id)`,
    );
  }
  return parts.join(' UNION ');
}

/** The concept ids a leaf matches, with their descendants when it asks for them. */
function conceptSet(concepts: readonly string[], descendants: boolean | undefined): string {
  const named = namedConcepts(concepts);
  if (!descendants) return named;
  return `SELECT a.descendant_concept_id FROM concept_ancestor a WHERE a.ancestor_concept_id IN (${named}) UNION ${named}`;
}

/** Each listed concept paired with every concept that counts as it (itself and, if asked, below). */
function listedConceptMap(concepts: readonly string[], descendants: boolean | undefined): string {
  const named = namedConcepts(concepts);
  const self = `SELECT n.concept_id AS listed, n.concept_id AS matched FROM (${named}) AS n`;
  if (!descendants) return self;
  return `SELECT a.ancestor_concept_id AS listed, a.descendant_concept_id AS matched FROM concept_ancestor a WHERE a.ancestor_concept_id IN (${named}) UNION ${self}`;
}

function window(column: string, context: ReferenceContext, withinDays: number | undefined) {
  const upper = `${column} <= DATE ${text(context.referenceDate)}`;
  if (withinDays === undefined) return upper;
  return `${upper} AND ${column} >= DATE ${text(daysBefore(context.referenceDate, withinDays))}`;
}

const events = {
  condition: {
    table: 'condition_occurrence',
    concept: 'condition_concept_id',
    date: 'condition_start_date',
  },
  drug: { table: 'drug_exposure', concept: 'drug_concept_id', date: 'drug_exposure_start_date' },
} as const;

/** A boolean SQL expression over `person p` that is true exactly for the persons a node matches. */
export function predicateSql(node: CriteriaNode, context: ReferenceContext): string {
  if ('all' in node)
    return `(${node.all.map((child) => predicateSql(child, context)).join(' AND ')})`;
  if ('any' in node)
    return `(${node.any.map((child) => predicateSql(child, context)).join(' OR ')})`;
  if ('not' in node) return `(NOT ${predicateSql(node.not, context)})`;
  switch (node.type) {
    case 'age': {
      const age = ageSql(context.referenceDate);
      const tests = [
        node.min === undefined ? undefined : `${age} >= ${number(node.min)}`,
        node.max === undefined ? undefined : `${age} <= ${number(node.max)}`,
      ].filter(Boolean);
      return `(${tests.join(' AND ')})`;
    }
    case 'sex':
      return `(coalesce(p.gender_concept_id, 0) = ${GENDER_CONCEPTS[node.value]})`;
    case 'condition':
    case 'drug': {
      const table = events[node.type];
      return `p.person_id IN (SELECT e.person_id FROM ${table.table} e WHERE e.person_id IS NOT NULL AND e.${table.concept} IN (${conceptSet(node.concepts, node.descendants)}) AND ${window(`e.${table.date}`, context, node.withinDays)})`;
    }
    case 'conditionCount':
      return `p.person_id IN (SELECT e.person_id FROM condition_occurrence e JOIN (${listedConceptMap(node.concepts, node.descendants)}) AS m ON m.matched = e.condition_concept_id WHERE e.person_id IS NOT NULL AND ${window('e.condition_start_date', context, node.withinDays)} GROUP BY e.person_id HAVING count(DISTINCT m.listed) >= ${number(node.atLeast)})`;
    case 'measurement':
      return `p.person_id IN (SELECT l.person_id FROM (SELECT m.person_id, m.value_as_number, row_number() OVER (PARTITION BY m.person_id ORDER BY m.measurement_date DESC, m.measurement_id DESC) AS rn FROM measurement m WHERE m.person_id IS NOT NULL AND m.measurement_concept_id IN (${conceptSet([node.concept], false)}) AND ${window('m.measurement_date', context, node.withinDays)}) AS l WHERE ${node.which === 'latest' ? 'l.rn = 1 AND ' : ''}l.value_as_number ${node.op} ${number(node.value)})`;
    case 'visit': {
      const site =
        node.careSite === undefined
          ? ''
          : ` AND CAST(e.care_site_id AS VARCHAR(40)) = ${text(node.careSite)}`;
      return `p.person_id IN (SELECT e.person_id FROM visit_occurrence e WHERE e.person_id IS NOT NULL AND e.visit_concept_id = ${VISIT_CONCEPTS[node.visitType]}${site} AND ${window('e.visit_start_date', context, node.withinDays)})`;
    }
  }
}

/** The number of persons the criteria match. */
export function countSql(node: CriteriaNode, context: ReferenceContext): string {
  return `SELECT count(*) AS n FROM person p WHERE ${predicateSql(node, context)}`;
}

/** The number of persons the criteria match at each home care site (NULL for none). */
export function countByCareSiteSql(node: CriteriaNode, context: ReferenceContext): string {
  return `SELECT p.care_site_id, count(*) AS n FROM person p WHERE ${predicateSql(node, context)} GROUP BY p.care_site_id`;
}

/** Counts per home care site and ten-year age band (the band's position in AGE_BANDS). */
export function countByCareSiteAndAgeBandSql(
  node: CriteriaNode,
  context: ReferenceContext,
): string {
  const age = ageSql(context.referenceDate);
  const band = `CASE ${AGE_BANDS.map((b, i) => `WHEN ${age} BETWEEN ${b.min} AND ${b.max} THEN ${i}`).join(' ')} END`;
  return `SELECT p.care_site_id, ${band} AS band, count(*) AS n FROM person p WHERE ${predicateSql(node, context)} GROUP BY 1, 2`;
}
