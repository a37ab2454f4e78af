// The fast engine: criteria resolved against one population's index (concepts to ids, care sites
// to site numbers), then evaluated as set operations on bitsets of persons. The meanings match the
// reference SQL exactly; `reference.test.ts` holds the two to identical counts.
import type { CriteriaNode, CriteriaProblem } from '../criteria.js';
import { AGE_BANDS } from './age-bands.js';
import {
  type Bitset,
  add,
  andInto,
  complementInto,
  count,
  emptySet,
  orInto,
  rangeSet,
} from './bitset.js';
import { type EventLists, type PersonIndex, VISIT_KINDS, visitKey } from './person-index.js';
import { VOCABULARY_IDS } from './reference-sql.js';

type Comparison = '<' | '<=' | '=' | '>=' | '>';

/** A criteria tree with every concept and care site replaced by what the index keys on. */
export type Plan =
  | { kind: 'all'; children: Plan[] }
  | { kind: 'any'; children: Plan[] }
  | { kind: 'not'; child: Plan }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'set'; set: 'female' | 'male' }
  | { kind: 'events'; domain: 'conditions' | 'drugs'; ids: number[]; withinDays?: number }
  | { kind: 'visits'; keys: number[]; withinDays?: number }
  | { kind: 'count'; groups: number[][]; atLeast: number; withinDays?: number }
  | {
      kind: 'measurement';
      id: number;
      op: Comparison;
      value: number;
      which: 'latest' | 'any';
      withinDays?: number;
    };

const codeIndexes = new WeakMap<PersonIndex, Map<string, number>>();

/** `SNOMED:44054006` → concept id, for every concept the population's vocabulary holds. */
function codeIndex(index: PersonIndex): Map<string, number> {
  let codes = codeIndexes.get(index);
  if (!codes) {
    const prefixes = new Map(Object.entries(VOCABULARY_IDS).map(([prefix, id]) => [id, prefix]));
    codes = new Map();
    for (const concept of index.concepts.values()) {
      const prefix = prefixes.get(concept.vocabulary);
      if (prefix) codes.set(`${prefix}:${concept.code}`, concept.id);
    }
    codeIndexes.set(index, codes);
  }
  return codes;
}

/** The concept id a `VOCABULARY:code` names in this population, if it knows it. */
export function conceptId(index: PersonIndex, concept: string): number | undefined {
  if (concept.startsWith('OMOP:')) {
    const id = Number(concept.slice(5));
    const known =
      index.concepts.has(id) ||
      index.conditions.runs.has(id) ||
      index.drugs.runs.has(id) ||
      index.measurements.runs.has(id);
    return known ? id : undefined;
  }
  return codeIndex(index).get(concept);
}

/** The first person aged `age` or more (persons are in order of age). */
function firstAged(ages: Int16Array, age: number): number {
  let low = 0;
  let high = ages.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ages[middle] as number) < age) low = middle + 1;
    else high = middle;
  }
  return low;
}

class Resolver {
  readonly problems: CriteriaProblem[] = [];

  constructor(private readonly index: PersonIndex) {}

  resolve(node: CriteriaNode, path: string): Plan {
    if ('all' in node) {
      return {
        kind: 'all',
        children: node.all.map((c, i) => this.resolve(c, `${path}all[${i}].`)),
      };
    }
    if ('any' in node) {
      return {
        kind: 'any',
        children: node.any.map((c, i) => this.resolve(c, `${path}any[${i}].`)),
      };
    }
    if ('not' in node) return { kind: 'not', child: this.resolve(node.not, `${path}not.`) };
    switch (node.type) {
      case 'age': {
        const ages = this.index.ages;
        const from = node.min === undefined ? 0 : firstAged(ages, node.min);
        const to = node.max === undefined ? ages.length : firstAged(ages, node.max + 1);
        return { kind: 'range', from, to };
      }
      case 'sex':
        return { kind: 'set', set: node.value };
      case 'condition':
      case 'drug':
        return {
          kind: 'events',
          domain: node.type === 'condition' ? 'conditions' : 'drugs',
          ids: [...new Set(this.concepts(node.concepts, node.descendants, path).flat())],
          withinDays: node.withinDays,
        };
      case 'conditionCount':
        return {
          kind: 'count',
          groups: this.uniqueGroups(this.concepts(node.concepts, node.descendants, path)),
          atLeast: node.atLeast,
          withinDays: node.withinDays,
        };
      case 'measurement': {
        const [ids] = this.concepts([node.concept], false, path, 'concept');
        return {
          kind: 'measurement',
          id: ids?.[0] ?? -1,
          op: node.op,
          value: node.value,
          which: node.which,
          withinDays: node.withinDays,
        };
      }
      case 'visit':
        return {
          kind: 'visits',
          keys: this.visitKeys(VISIT_KINDS[node.visitType], node.careSite, path),
          withinDays: node.withinDays,
        };
    }
  }

  /** For each listed concept, the ids that count as it. */
  private concepts(
    concepts: readonly string[],
    descendants: boolean | undefined,
    path: string,
    field = 'concepts',
  ): number[][] {
    if (descendants && !this.index.manifest.hasConceptAncestor) {
      this.problems.push({
        path: `${path}descendants`,
        message:
          'This population has no concept hierarchy (concept_ancestor), so descendants cannot be included',
      });
    }
    return concepts.map((concept, i) => {
      const id = conceptId(this.index, concept);
      if (id === undefined) {
        this.problems.push({
          path: field === 'concept' ? `${path}concept` : `${path}${field}[${i}]`,
          message: `Unknown concept ${concept}: it is not in this population's vocabulary`,
        });
        return [];
      }
      return descendants ? [id, ...(this.index.descendants.get(id) ?? [])] : [id];
    });
  }

  /** Listed concepts that name the same concept count once, as in `count(DISTINCT ...)`. */
  private uniqueGroups(groups: number[][]): number[][] {
    const seen = new Set<number>();
    return groups.filter((group) => {
      const head = group[0];
      if (head === undefined || seen.has(head)) return false;
      seen.add(head);
      return true;
    });
  }

  private visitKeys(kind: number, careSite: string | undefined, path: string): number[] {
    const sites = this.index.careSites;
    if (careSite === undefined) {
      return Array.from({ length: sites.length + 1 }, (_, site) => visitKey(kind, site));
    }
    const position = sites.findIndex((site) => site.id === careSite);
    if (position < 0) {
      this.problems.push({
        path: `${path}careSite`,
        message: `Unknown care site "${careSite}": use one of the ids in the population's list of trusts`,
      });
      return [];
    }
    return [visitKey(kind, position + 1)];
  }
}

/** Resolves criteria against a population, or says which concepts or sites it does not know. */
export function plan(
  index: PersonIndex,
  criteria: CriteriaNode,
): { ok: true; plan: Plan } | { ok: false; problems: CriteriaProblem[] } {
  const resolver = new Resolver(index);
  const resolved = resolver.resolve(criteria, '');
  const problems = resolver.problems.map((p) => ({ ...p, path: p.path.replace(/\.$/, '') }));
  return problems.length ? { ok: false, problems } : { ok: true, plan: resolved };
}

function addLatestEvents(
  set: Bitset,
  lists: EventLists,
  key: number,
  withinDays: number | undefined,
): void {
  const run = lists.runs.get(key);
  if (!run) return;
  const { persons, ago } = lists;
  const limit = withinDays ?? Number.POSITIVE_INFINITY;
  for (let i = run.start; i < run.end; i += 1) {
    if ((ago[i] as number) <= limit) add(set, persons[i] as number);
  }
}

/** A comparison as an interval: `x < 27` is (-∞, 27); NaN (no value) is in none. */
function interval(op: Comparison, value: number) {
  return {
    low: op === '<' || op === '<=' ? Number.NEGATIVE_INFINITY : value,
    lowClosed: op !== '>',
    high: op === '>' || op === '>=' ? Number.POSITIVE_INFINITY : value,
    highClosed: op !== '<',
  };
}

function measurementSet(index: PersonIndex, step: Extract<Plan, { kind: 'measurement' }>) {
  const set = emptySet(index.size);
  const { runs, persons, ago, values, latest } = index.measurements;
  const run = runs.get(step.id);
  if (!run) return set;
  const limit = step.withinDays ?? Number.POSITIVE_INFINITY;
  const { low, lowClosed, high, highClosed } = interval(step.op, step.value);
  const anyRow = step.which === 'any';
  for (let i = run.start; i < run.end; i += 1) {
    const x = values[i] as number;
    if (
      (anyRow || latest[i] === 1) &&
      (ago[i] as number) <= limit &&
      (x > low || (lowClosed && x === low)) &&
      (x < high || (highClosed && x === high))
    ) {
      add(set, persons[i] as number);
    }
  }
  return set;
}

/** Persons with at least `atLeast` of the groups: a counter per person, then a threshold. */
function countSet(index: PersonIndex, step: Extract<Plan, { kind: 'count' }>): Bitset {
  const counts = new Uint8Array(index.size);
  const { persons, ago, runs } = index.conditions;
  const limit = step.withinDays ?? Number.POSITIVE_INFINITY;
  for (const group of step.groups) {
    if (group.length === 1) {
      const run = runs.get(group[0] as number);
      if (!run) continue;
      for (let i = run.start; i < run.end; i += 1) {
        if ((ago[i] as number) <= limit) {
          const person = persons[i] as number;
          counts[person] = Math.min(255, (counts[person] as number) + 1);
        }
      }
    } else {
      const members = emptySet(index.size);
      for (const id of group) addLatestEvents(members, index.conditions, id, step.withinDays);
      for (let word = 0; word < members.length; word += 1) {
        let bits = members[word] as number;
        while (bits !== 0) {
          const bit = 31 - Math.clz32(bits & -bits);
          bits &= bits - 1;
          const person = word * 32 + bit;
          counts[person] = Math.min(255, (counts[person] as number) + 1);
        }
      }
    }
  }
  const set = emptySet(index.size);
  for (let person = 0; person < index.size; person += 1) {
    if ((counts[person] as number) >= step.atLeast) add(set, person);
  }
  return set;
}

/** The persons a plan matches. */
export function evaluate(index: PersonIndex, step: Plan): Bitset {
  switch (step.kind) {
    case 'all': {
      const [first, ...rest] = step.children;
      const set = evaluate(index, first as Plan);
      for (const child of rest) andInto(set, evaluate(index, child));
      return set;
    }
    case 'any': {
      const set = emptySet(index.size);
      for (const child of step.children) orInto(set, evaluate(index, child));
      return set;
    }
    case 'not':
      return complementInto(evaluate(index, step.child), index.size);
    case 'range':
      return rangeSet(index.size, step.from, step.to);
    case 'set':
      return index[step.set].slice();
    case 'events': {
      const set = emptySet(index.size);
      for (const id of step.ids) addLatestEvents(set, index[step.domain], id, step.withinDays);
      return set;
    }
    case 'visits': {
      const set = emptySet(index.size);
      for (const key of step.keys) addLatestEvents(set, index.visits, key, step.withinDays);
      return set;
    }
    case 'count':
      return countSet(index, step);
    case 'measurement':
      return measurementSet(index, step);
  }
}

export interface RawCounts {
  total: number;
  /** In the order of the index's care sites, then persons with no home care site. */
  byCareSite: number[];
  bySex: { female: number; male: number; other: number };
  byAgeBand: number[];
  /** For each care site (as in `byCareSite`), the count in each age band. */
  byCareSiteAndAgeBand: number[][];
  /** After each step of a top-level `all` (one step when the criteria are not an `all`). */
  attrition: number[];
}

/** The persons a plan matches, and how they divide by home care site, sex and age band. */
export function countPlan(index: PersonIndex, resolved: Plan): RawCounts {
  const steps = resolved.kind === 'all' ? resolved.children : [resolved];
  const attrition: number[] = [];
  let set: Bitset | undefined;
  for (const step of steps) {
    const matched = evaluate(index, step);
    set = set ? andInto(set, matched) : matched;
    attrition.push(count(set));
  }
  const result = set as Bitset;
  const total = attrition[attrition.length - 1] as number;
  return { total, ...breakdown(index, result), attrition };
}

/**
 * Counts by home care site, age band and sex in one pass over the members of the set, so the
 * cost follows the number of persons found rather than the size of the population.
 */
function breakdown(index: PersonIndex, set: Bitset) {
  const bands = AGE_BANDS.length;
  const siteCount = index.careSites.length + 1;
  const cells = new Float64Array(siteCount * bands);
  const unbanded = new Float64Array(siteCount);
  const sexes = new Float64Array(3);
  const { sites, sexes: sexOf, bandOf } = index;
  for (let word = 0; word < set.length; word += 1) {
    let bits = set[word] as number;
    while (bits !== 0) {
      const person = word * 32 + (31 - Math.clz32(bits & -bits));
      bits &= bits - 1;
      const site = sites[person] as number;
      const position = site === 0 ? siteCount - 1 : site - 1;
      const band = bandOf[person] as number;
      if (band < bands)
        cells[position * bands + band] = (cells[position * bands + band] as number) + 1;
      else unbanded[position] = (unbanded[position] as number) + 1;
      sexes[sexOf[person] as number] = (sexes[sexOf[person] as number] as number) + 1;
    }
  }
  const byCareSiteAndAgeBand = Array.from({ length: siteCount }, (_, position) =>
    Array.from(cells.subarray(position * bands, (position + 1) * bands)),
  );
  return {
    byCareSite: byCareSiteAndAgeBand.map(
      (row, position) => row.reduce((a, b) => a + b, 0) + (unbanded[position] as number),
    ),
    bySex: { female: sexes[1] as number, male: sexes[2] as number, other: sexes[0] as number },
    byAgeBand: Array.from({ length: bands }, (_, band) =>
      byCareSiteAndAgeBand.reduce((sum, row) => sum + (row[band] as number), 0),
    ),
    byCareSiteAndAgeBand,
  };
}
