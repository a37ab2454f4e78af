// Criteria in plain words, for attrition tables, the criteria list on the page and CSV exports.
import type { CriteriaNode } from './criteria.js';

/** Names from the population: of a concept such as `SNOMED:44054006`, and of a care site id. */
export interface Namer {
  concept(concept: string): string | undefined;
  careSite(id: string): string | undefined;
}

const window = (withinDays: number | undefined) =>
  withinDays === undefined
    ? 'at any time'
    : `in the last ${withinDays.toLocaleString('en-GB')} days`;

const named = (concept: string, nameOf: Namer) => {
  const name = nameOf.concept(concept);
  return name ? `${name} (${concept})` : concept;
};

function conceptList(concepts: readonly string[], nameOf: Namer): string {
  const names = concepts.map((concept) => named(concept, nameOf));
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

const comparisons = {
  '<': 'below',
  '<=': 'at or below',
  '=': 'equal to',
  '>=': 'at or above',
  '>': 'above',
};

/** One line describing a criterion; groups are described by their parts. */
export function describeCriterion(node: CriteriaNode, nameOf: Namer): string {
  if ('all' in node)
    return node.all.map((child) => describeCriterion(child, nameOf)).join(', and ');
  if ('any' in node) {
    return `Any of: ${node.any.map((child) => describeCriterion(child, nameOf)).join('; or ')}`;
  }
  if ('not' in node) return `Not: ${describeCriterion(node.not, nameOf)}`;
  const below = (descendants: boolean | undefined) =>
    descendants ? ' (or a concept below it)' : '';
  switch (node.type) {
    case 'age':
      if (node.min !== undefined && node.max !== undefined)
        return `Aged ${node.min} to ${node.max}`;
      return node.min !== undefined ? `Aged ${node.min} or over` : `Aged ${node.max ?? 0} or under`;
    case 'sex':
      return node.value === 'female' ? 'Female' : 'Male';
    case 'condition':
      return `Condition: ${conceptList(node.concepts, nameOf)}${below(node.descendants)}, ${window(node.withinDays)}`;
    case 'conditionCount':
      return `At least ${node.atLeast} of ${node.concepts.length} conditions${below(node.descendants)}, ${window(node.withinDays)}`;
    case 'measurement':
      return `${node.which === 'latest' ? 'Latest' : 'Any'} ${named(node.concept, nameOf)} ${comparisons[node.op]} ${node.value}, ${window(node.withinDays)}`;
    case 'drug':
      return `Drug: ${conceptList(node.concepts, nameOf)}${below(node.descendants)}, ${window(node.withinDays)}`;
    case 'visit':
      return `${node.visitType[0]?.toUpperCase() ?? ''}${node.visitType.slice(1)} visit${node.careSite ? ` at ${nameOf.careSite(node.careSite) ?? `care site ${node.careSite}`}` : ''}, ${window(node.withinDays)}`;
  }
}

/** The steps an attrition table shows: each child of a top-level `all`, or the whole criteria. */
export const attritionSteps = (criteria: CriteriaNode): CriteriaNode[] =>
  'all' in criteria ? criteria.all : [criteria];
