// The query builder's state and its form fields, without HTTP: the criteria carried in the page
// as JSON, the criterion being added or changed (its fields as typed), the buttons' actions, and
// the one place form fields become a criterion or the messages that say what is wrong with them.
import { z } from 'zod';
import {
  formErrorsFor,
  formErrorsFrom,
  type FormErrors,
} from '../../../platform/views/form-errors.js';
import {
  type CriteriaNode,
  type CriteriaProblem,
  maxConceptsPerLeaf,
  maxWithinDays,
  parseCriteria,
} from '../criteria.js';
import type { Namer } from '../describe.js';

export const criterionTypes = [
  { value: 'age', text: 'Age range', hint: 'Age in whole years on the reference date' },
  { value: 'sex', text: 'Sex', hint: 'Female or male, as recorded' },
  { value: 'condition', text: 'Condition', hint: 'A recorded diagnosis, such as type 2 diabetes' },
  {
    value: 'conditionCount',
    text: 'Number of conditions',
    hint: 'At least a number of different conditions from a list, such as 2 or more long-term conditions',
  },
  {
    value: 'measurement',
    text: 'Measurement',
    hint: 'A test result compared with a value, such as grip strength below 16 kg',
  },
  { value: 'drug', text: 'Drug', hint: 'A recorded prescription or other drug exposure' },
  {
    value: 'visit',
    text: 'Hospital visit',
    hint: 'An inpatient, outpatient or emergency visit, at any trust or at one',
  },
] as const;
export type CriterionType = (typeof criterionTypes)[number]['value'];

const typeValues = criterionTypes.map((type) => type.value) as [CriterionType, ...CriterionType[]];

export const comparisonOptions = [
  { value: '<', text: 'below' },
  { value: '<=', text: 'at or below' },
  { value: '=', text: 'equal to' },
  { value: '>=', text: 'at or above' },
  { value: '>', text: 'above' },
] as const;

export const visitTypes = [
  { value: 'inpatient', text: 'Inpatient (admitted)' },
  { value: 'outpatient', text: 'Outpatient' },
  { value: 'emergency', text: 'Emergency department' },
] as const;

/** Every field of the criterion form, as typed; checkboxes are "yes" or "". */
export const draftFieldNames = [
  'type',
  'min',
  'max',
  'sex',
  'concepts',
  'atLeast',
  'concept',
  'op',
  'value',
  'which',
  'visitType',
  'careSite',
  'withinDays',
  'descendants',
  'exclude',
] as const;
export type DraftFieldName = (typeof draftFieldNames)[number];
export type DraftFields = Record<DraftFieldName, string>;

export const emptyDraftFields: DraftFields = Object.fromEntries(
  draftFieldNames.map((name) => [name, '']),
) as DraftFields;

/** The fields each type of criterion asks for, in the order the form shows them. */
export const fieldsOfType: Record<CriterionType, readonly DraftFieldName[]> = {
  age: ['min', 'max'],
  sex: ['sex'],
  condition: ['concepts', 'withinDays', 'descendants'],
  conditionCount: ['concepts', 'atLeast', 'withinDays', 'descendants'],
  measurement: ['concept', 'op', 'value', 'which', 'withinDays'],
  drug: ['concepts', 'withinDays', 'descendants'],
  visit: ['visitType', 'careSite', 'withinDays'],
};

/** The concept domain a type's concept search looks in. */
export const conceptDomainOf: Partial<Record<CriterionType, string>> = {
  condition: 'Condition',
  conditionCount: 'Condition',
  measurement: 'Measurement',
  drug: 'Drug',
};

export const isCriterionType = (value: string): value is CriterionType =>
  (typeValues as readonly string[]).includes(value);

/** The criterion being added (editing null) or changed (editing: its place in the list). */
export interface Draft {
  step: 'type' | 'fields';
  editing: number | null;
  fields: DraftFields;
}

/** Long enough for 200 concepts with their names; anything longer was not typed here. */
const maxFieldLength = 40_000;

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value.slice(0, maxFieldLength) : '';

/** The criterion form's fields from a submitted form (or a decoded snapshot of one). */
export function draftFieldsFrom(source: Record<string, unknown>): DraftFields {
  const fields = { ...emptyDraftFields };
  for (const name of draftFieldNames) fields[name] = textOf(source[name]);
  for (const name of ['descendants', 'exclude'] as const) {
    fields[name] = fields[name] === 'yes' ? 'yes' : '';
  }
  return fields;
}

/** The draft as one hidden field, so that the page's other forms keep it. */
export function encodeDraft(draft: Draft | null): string {
  if (!draft) return '';
  const fields = Object.fromEntries(
    Object.entries(draft.fields).filter(([, value]) => value !== ''),
  );
  return JSON.stringify({ step: draft.step, editing: draft.editing, fields });
}

export function decodeDraft(text: unknown): Draft | null {
  if (typeof text !== 'string' || text === '' || text.length > maxFieldLength * 2) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { step, editing, fields } = value as Record<string, unknown>;
  const fieldsRecord =
    fields !== null && typeof fields === 'object' ? (fields as Record<string, unknown>) : {};
  return {
    step: step === 'fields' ? 'fields' : 'type',
    editing:
      typeof editing === 'number' && Number.isInteger(editing) && editing >= 0 ? editing : null,
    fields: draftFieldsFrom(fieldsRecord),
  };
}

/** The list of top-level criteria a tree stands for: an `all`'s children, or the tree itself. */
export function topLevelCriteria(tree: CriteriaNode): CriteriaNode[] {
  return 'all' in tree ? tree.all : [tree];
}

/** What the builder counts: everyone who meets every criterion in the list. */
export function criteriaOf(list: readonly CriteriaNode[]): CriteriaNode | null {
  return list.length === 0 ? null : { all: [...list] };
}

/** The hidden criteria field's text: `{"all": [...]}`, even when the list is empty. */
export function encodeCriteria(list: readonly CriteriaNode[]): string {
  return JSON.stringify({ all: list });
}

const describeProblem = (problem: CriteriaProblem) =>
  problem.path ? `${problem.path}: ${problem.message}` : problem.message;

/**
 * Reads criteria written as JSON: in the page's hidden field or typed in "Edit as JSON". An
 * `all` with no criteria is an empty list; anything else must be criteria the language accepts.
 */
export function readCriteriaJson(
  text: unknown,
): { ok: true; list: CriteriaNode[] } | { ok: false; problems: string[] } {
  if (typeof text !== 'string' || text.trim() === '') return { ok: true, list: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`The JSON could not be read: ${(error as Error).message}`],
    };
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    Array.isArray((value as { all?: unknown }).all) &&
    (value as { all: unknown[] }).all.length === 0
  ) {
    return { ok: true, list: [] };
  }
  const parsed = parseCriteria(value);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(describeProblem) };
  return { ok: true, list: topLevelCriteria(parsed.criteria) };
}

/** Where a problem with the whole list is: the criterion it is in (from 0) and the rest. */
export function problemPlace(path: string): { index: number | null; rest: string } {
  const found = /^all\[(\d+)\]\.?(.*)$/.exec(path);
  return found ? { index: Number(found[1]), rest: found[2] ?? '' } : { index: null, rest: path };
}

/** A test of one thing about a person: not a group. */
export type CriterionLeaf = Extract<CriteriaNode, { type: string }>;

/** A leaf (or a leaf inside `not`) can be changed field by field; groups cannot. */
export function editableLeaf(node: CriteriaNode): { leaf: CriterionLeaf; exclude: boolean } | null {
  if ('type' in node) return { leaf: node, exclude: false };
  if ('not' in node && 'type' in node.not) return { leaf: node.not, exclude: true };
  return null;
}

const conceptLine = (concept: string, nameOf: Namer) => {
  const name = nameOf.concept(concept);
  return name ? `${concept} ${name}` : concept;
};

/** The form's fields for changing a criterion; null for groups, which are not edited here. */
export function fieldsFromCriterion(node: CriteriaNode, nameOf: Namer): DraftFields | null {
  const editable = editableLeaf(node);
  if (!editable) return null;
  const { leaf, exclude } = editable;
  const fields: DraftFields = { ...emptyDraftFields, exclude: exclude ? 'yes' : '' };
  const number = (value: number | undefined) => (value === undefined ? '' : String(value));
  if ('withinDays' in leaf) fields.withinDays = number(leaf.withinDays);
  if ('descendants' in leaf) fields.descendants = leaf.descendants ? 'yes' : '';
  if ('concepts' in leaf) {
    fields.concepts = leaf.concepts.map((concept) => conceptLine(concept, nameOf)).join('\n');
  }
  switch (leaf.type) {
    case 'age':
      return { ...fields, type: 'age', min: number(leaf.min), max: number(leaf.max) };
    case 'sex':
      return { ...fields, type: 'sex', sex: leaf.value };
    case 'condition':
    case 'drug':
      return { ...fields, type: leaf.type };
    case 'conditionCount':
      return { ...fields, type: 'conditionCount', atLeast: String(leaf.atLeast) };
    case 'measurement':
      return {
        ...fields,
        type: 'measurement',
        concept: conceptLine(leaf.concept, nameOf),
        op: leaf.op,
        value: String(leaf.value),
        which: leaf.which,
      };
    case 'visit':
      return { ...fields, type: 'visit', visitType: leaf.visitType, careSite: leaf.careSite ?? '' };
  }
}

/** The code at the start of a line: `SNOMED:44054006 Type 2 diabetes` -> `SNOMED:44054006`. */
export function conceptCodeOf(line: string): string {
  const token = line.trim().split(/\s+/)[0] ?? '';
  const colon = token.indexOf(':');
  return colon > 0 ? `${token.slice(0, colon).toUpperCase()}${token.slice(colon)}` : token;
}

/** Whether the criteria language accepts the text as a concept, checked by the language itself. */
export function isConceptCode(code: string): boolean {
  return parseCriteria({ type: 'condition', concepts: [code] }).ok;
}

const conceptExample = 'SNOMED:44054006';

/** The concepts textarea: one concept a line, anything after the code ignored (its name). */
const conceptLines = z.string().transform((text, context) => {
  const lines = text.split(/\r?\n/);
  const codes: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const code = conceptCodeOf(line);
    if (!isConceptCode(code)) {
      context.addIssue({
        code: 'custom',
        message: `Line ${index + 1} (“${line.trim().slice(0, 40)}”) does not start with a concept code: write each as VOCABULARY:code, like ${conceptExample}`,
      });
      return z.NEVER;
    }
    if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length === 0) {
    context.addIssue({
      code: 'custom',
      message: `Enter at least one concept, one on each line, like ${conceptExample}`,
    });
    return z.NEVER;
  }
  if (codes.length > maxConceptsPerLeaf) {
    context.addIssue({
      code: 'custom',
      message: `Enter ${maxConceptsPerLeaf} concepts or fewer`,
    });
    return z.NEVER;
  }
  return codes;
});

const singleConcept = z.string().transform((text, context) => {
  const code = conceptCodeOf(text);
  if (code === '') {
    context.addIssue({
      code: 'custom',
      message: 'Enter the measurement’s concept, like LOINC:4548-4, or find it by searching',
    });
    return z.NEVER;
  }
  if (!isConceptCode(code)) {
    context.addIssue({
      code: 'custom',
      message: 'Write the measurement’s concept as VOCABULARY:code, like LOINC:4548-4',
    });
    return z.NEVER;
  }
  return code;
});

/** A whole number typed in a box; blank is undefined unless `required` says what to enter. */
function wholeNumber(label: string, example: string, min: number, max: number, required?: string) {
  return z.string().transform((text, context) => {
    const typed = text.trim().replace(/,/g, '');
    if (typed === '') {
      if (required) {
        context.addIssue({ code: 'custom', message: required });
        return z.NEVER;
      }
      return undefined;
    }
    if (!/^\d+$/.test(typed)) {
      context.addIssue({
        code: 'custom',
        message: `${label} must be a whole number, like ${example}`,
      });
      return z.NEVER;
    }
    const value = Number(typed);
    if (value < min || value > max) {
      context.addIssue({
        code: 'custom',
        message: `${label} must be between ${min.toLocaleString('en-GB')} and ${max.toLocaleString('en-GB')}`,
      });
      return z.NEVER;
    }
    return value;
  });
}

const withinDays = wholeNumber('The number of days', '365', 1, maxWithinDays);
const descendants = z.string().transform((value) => (value === 'yes' ? true : undefined));

const choice = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { error: message });

const measuredValue = z.string().transform((text, context) => {
  const typed = text.trim();
  if (typed === '') {
    context.addIssue({ code: 'custom', message: 'Enter the value to compare with, like 27' });
    return z.NEVER;
  }
  if (!/^-?\d+(\.\d+)?$/.test(typed)) {
    context.addIssue({
      code: 'custom',
      message: 'The value must be a number, like 27 or 0.8',
    });
    return z.NEVER;
  }
  return Number(typed);
});

const leafForms = {
  age: z
    .object({
      min: wholeNumber('The youngest age', '65', 0, 130),
      max: wholeNumber('The oldest age', '85', 0, 130),
    })
    .superRefine((age, context) => {
      if (age.min === undefined && age.max === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['min'],
          message: 'Enter the youngest age, the oldest age or both',
        });
      } else if (age.min !== undefined && age.max !== undefined && age.min > age.max) {
        context.addIssue({
          code: 'custom',
          path: ['max'],
          message: 'The oldest age must be the same as or more than the youngest age',
        });
      }
    })
    .transform((age): CriteriaNode => ({ type: 'age', ...age })),
  sex: z
    .object({ sex: choice(['female', 'male'], 'Select female or male') })
    .transform(({ sex }): CriteriaNode => ({ type: 'sex', value: sex })),
  condition: z
    .object({ concepts: conceptLines, withinDays, descendants })
    .transform((leaf): CriteriaNode => ({ type: 'condition', ...leaf })),
  conditionCount: z
    .object({
      concepts: conceptLines,
      atLeast: wholeNumber(
        'The number of conditions',
        '2',
        1,
        maxConceptsPerLeaf,
        'Enter how many of the conditions people must have, like 2',
      ),
      withinDays,
      descendants,
    })
    .superRefine((leaf, context) => {
      if (leaf.atLeast !== undefined && leaf.atLeast > leaf.concepts.length) {
        context.addIssue({
          code: 'custom',
          path: ['atLeast'],
          message: `The number of conditions cannot be more than the ${leaf.concepts.length} different conditions listed`,
        });
      }
    })
    .transform((leaf): CriteriaNode => ({
      type: 'conditionCount',
      ...leaf,
      atLeast: leaf.atLeast ?? 1,
    })),
  measurement: z
    .object({
      concept: singleConcept,
      op: choice(['<', '<=', '=', '>=', '>'], 'Select how the result compares with the value'),
      value: measuredValue,
      which: choice(['latest', 'any'], 'Select whether the latest result or any result counts'),
      withinDays,
    })
    .transform((leaf): CriteriaNode => ({ type: 'measurement', ...leaf })),
  drug: z
    .object({ concepts: conceptLines, withinDays, descendants })
    .transform((leaf): CriteriaNode => ({ type: 'drug', ...leaf })),
  visit: z
    .object({
      visitType: choice(['inpatient', 'outpatient', 'emergency'], 'Select the type of visit'),
      careSite: z.string().transform((value) => (value === '' ? undefined : value)),
      withinDays,
    })
    .transform((leaf): CriteriaNode => ({ type: 'visit', ...leaf })),
};

/** Drops keys whose value is undefined, as JSON and the strict criteria schemas want. */
function withoutUndefined(node: CriteriaNode): CriteriaNode {
  return Object.fromEntries(
    Object.entries(node).filter(([, value]) => value !== undefined),
  ) as CriteriaNode;
}

/** The order errors are listed in the summary: the form's order. */
export const errorOrderOf = (type: string): readonly string[] => [
  'type',
  ...(isCriterionType(type) ? fieldsOfType[type] : []),
  'exclude',
];

/** Which form field a problem the language or the population found is about. */
export function fieldOfProblem(type: CriterionType, path: string): DraftFieldName {
  const field = path.replace(/^not\.?/, '').split(/[.[]/)[0] ?? '';
  if (type === 'sex' && field === 'value') return 'sex';
  if ((draftFieldNames as readonly string[]).includes(field) && field !== 'type') {
    return field as DraftFieldName;
  }
  return fieldsOfType[type][0] ?? 'type';
}

/** Turns the language's or the population's problems with a criterion into form errors. */
export function criterionProblemErrors(
  type: CriterionType,
  criterion: CriteriaNode,
  problems: readonly CriteriaProblem[],
): FormErrors {
  const editable = editableLeaf(criterion);
  const messages: Record<string, string> = {};
  for (const problem of problems) {
    const field = fieldOfProblem(type, problem.path);
    const conceptIndex = /concepts\[(\d+)\]$/.exec(problem.path)?.[1];
    const concept =
      conceptIndex !== undefined && editable && 'concepts' in editable.leaf
        ? editable.leaf.concepts[Number(conceptIndex)]
        : undefined;
    const text = problem.message.startsWith('Unknown concept')
      ? `${concept ?? (editable && 'concept' in editable.leaf ? editable.leaf.concept : 'A concept')} is not a concept in this population: search for the concept and add it from the results`
      : problem.message;
    messages[field] ??= text;
  }
  return formErrorsFor(messages, errorOrderOf(type));
}

/**
 * The criterion the form describes, with the language's own check; or the errors to show beside
 * the fields. Whether the population knows its concepts and trusts is checked by the caller.
 */
export function criterionFromFields(
  fields: DraftFields,
): { ok: true; criterion: CriteriaNode } | { ok: false; errors: FormErrors } {
  const type = fields.type;
  if (!isCriterionType(type)) {
    return {
      ok: false,
      errors: formErrorsFor({ type: 'Select the type of criterion' }, errorOrderOf(type)),
    };
  }
  const parsed = leafForms[type].safeParse(fields);
  if (!parsed.success) {
    return { ok: false, errors: formErrorsFrom(parsed.error, errorOrderOf(type)) };
  }
  const leaf = withoutUndefined(parsed.data);
  const criterion: CriteriaNode = fields.exclude === 'yes' ? { not: leaf } : leaf;
  const checked = parseCriteria(criterion);
  if (!checked.ok) {
    return { ok: false, errors: criterionProblemErrors(type, criterion, checked.problems) };
  }
  return { ok: true, criterion };
}

/** Adds a concept found by the search: one more line of a list, or the measurement's concept. */
export function withConceptAdded(fields: DraftFields, concept: string, name: string): DraftFields {
  const line = name ? `${concept} ${name}` : concept;
  if (fields.type === 'measurement') return { ...fields, concept: line };
  const lines = fields.concepts.split(/\r?\n/).filter((existing) => existing.trim() !== '');
  if (lines.some((existing) => conceptCodeOf(existing) === concept)) return fields;
  return { ...fields, concepts: [...lines, line].join('\n') };
}

/** The concepts the form already lists, to mark search results as added. */
export function conceptsListed(fields: DraftFields): Set<string> {
  const text = fields.type === 'measurement' ? fields.concept : fields.concepts;
  return new Set(
    text
      .split(/\r?\n/)
      .map(conceptCodeOf)
      .filter((code) => code !== ''),
  );
}

/** What a button asks for: its `action` value, like `run`, `change:2` or `add-concept:LOINC:4548-4`. */
export type BuilderAction =
  | { kind: 'new' }
  | { kind: 'template' }
  | { kind: 'open' }
  | { kind: 'add' }
  | { kind: 'choose-type' }
  | { kind: 'retype' }
  | { kind: 'search' }
  | { kind: 'enter' }
  | { kind: 'add-concept'; concept: string }
  | { kind: 'save-criterion' }
  | { kind: 'cancel-criterion' }
  | { kind: 'change'; index: number }
  | { kind: 'remove'; index: number }
  | { kind: 'run' }
  | { kind: 'save' }
  | { kind: 'json' };

const simpleActions = [
  'new',
  'template',
  'open',
  'add',
  'choose-type',
  'retype',
  'search',
  'enter',
  'save-criterion',
  'cancel-criterion',
  'run',
  'save',
  'json',
] as const;

export function parseAction(value: unknown): BuilderAction | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  const simple = simpleActions.find((action) => action === value);
  if (simple) return { kind: simple };
  const indexed = /^(change|remove):(\d{1,4})$/.exec(value);
  if (indexed) {
    return { kind: indexed[1] as 'change' | 'remove', index: Number(indexed[2]) - 1 };
  }
  const concept = /^add-concept:(.+)$/.exec(value)?.[1];
  if (concept && isConceptCode(concept)) return { kind: 'add-concept', concept };
  return null;
}

/** The criteria after removing one, and the draft's place in the list kept right. */
export function withoutCriterion(
  list: readonly CriteriaNode[],
  index: number,
  draft: Draft | null,
): { list: CriteriaNode[]; draft: Draft | null } {
  const remaining = list.filter((_, i) => i !== index);
  if (!draft || draft.editing === null || draft.editing < index) return { list: remaining, draft };
  // Changing the one removed: what was typed is kept, as a new criterion.
  if (draft.editing === index) return { list: remaining, draft: { ...draft, editing: null } };
  return { list: remaining, draft: { ...draft, editing: draft.editing - 1 } };
}

/** The criteria with the draft's criterion put in its place, or added at the end. */
export function withCriterion(
  list: readonly CriteriaNode[],
  criterion: CriteriaNode,
  editing: number | null,
): CriteriaNode[] {
  if (editing === null || editing >= list.length) return [...list, criterion];
  return list.map((existing, i) => (i === editing ? criterion : existing));
}

/** The name a query is saved under. */
export const saveForm = z.object({
  saveName: z
    .string({ error: 'Enter a name for the query' })
    .trim()
    .min(1, 'Enter a name for the query')
    .max(120, 'The name must be 120 characters or fewer'),
});
