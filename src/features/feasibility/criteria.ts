import { z } from 'zod';

/**
 * The feasibility criteria language: a tree of `all`, `any` and `not` over leaves that each test
 * one thing about a person on the population's reference date. Checked here, before anything is
 * evaluated, so that malformed criteria get a message naming the problem and never reach SQL.
 */

/** Deeper trees say nothing a flatter one cannot, and cost stack and time to check. */
export const maxDepth = 8;
/** All nodes of a tree, leaves and groups together. */
export const maxNodes = 200;
export const maxChildren = 50;
export const maxConceptsPerLeaf = 200;
/** A hundred years of history is all any record holds. */
export const maxWithinDays = 36_500;

/** `VOCABULARY:code`: SNOMED CT and LOINC codes, dm+d or RxNorm drugs, or an OMOP concept id. */
const conceptPattern =
  /^(SNOMED:\d{6,18}|LOINC:\d{1,7}-\d|DMD:\d{6,18}|RXNORM:\d{1,10}|OMOP:\d{1,10})$/;

const concept = z
  .string({ error: 'A concept must be text like "SNOMED:230690007"' })
  .regex(conceptPattern, {
    error: 'A concept must be written VOCABULARY:code, like "SNOMED:230690007" or "LOINC:2160-0"',
  });

const conceptList = z
  .array(concept, { error: 'concepts must be a list' })
  .min(1, { error: 'concepts must name at least one concept' })
  .max(maxConceptsPerLeaf, { error: `concepts may name at most ${maxConceptsPerLeaf} concepts` });

const withinDays = z
  .number({ error: 'withinDays must be a number of days' })
  .int({ error: 'withinDays must be a whole number of days' })
  .min(1, { error: 'withinDays must be at least 1' })
  .max(maxWithinDays, { error: `withinDays must be at most ${maxWithinDays}` })
  .optional();

/** Include concepts below the listed ones in the hierarchy, where the data has it. */
const descendants = z.boolean({ error: 'descendants must be true or false' }).optional();

const years = (name: string) =>
  z
    .number({ error: `${name} must be a number of whole years` })
    .int({ error: `${name} must be a number of whole years` })
    .min(0, { error: `${name} must be 0 or more` })
    .max(130, { error: `${name} must be 130 or less` });

const ageLeaf = z
  .strictObject({
    type: z.literal('age'),
    min: years('min').optional(),
    max: years('max').optional(),
  })
  .refine((leaf) => leaf.min !== undefined || leaf.max !== undefined, {
    error: 'An age criterion needs min, max or both',
  })
  .refine((leaf) => leaf.min === undefined || leaf.max === undefined || leaf.min <= leaf.max, {
    error: 'An age criterion’s min must not be above its max',
  });

const sexLeaf = z.strictObject({
  type: z.literal('sex'),
  value: z.enum(['female', 'male'], { error: 'sex must be "female" or "male"' }),
});

const conditionLeaf = z.strictObject({
  type: z.literal('condition'),
  concepts: conceptList,
  withinDays,
  descendants,
});

const conditionCountLeaf = z
  .strictObject({
    type: z.literal('conditionCount'),
    concepts: conceptList,
    atLeast: z
      .number({ error: 'atLeast must be a number' })
      .int({ error: 'atLeast must be a whole number' })
      .min(1, { error: 'atLeast must be at least 1' }),
    withinDays,
    descendants,
  })
  .refine((leaf) => leaf.atLeast <= new Set(leaf.concepts).size, {
    error: 'atLeast cannot be more than the number of different concepts listed',
  });

const measurementLeaf = z.strictObject({
  type: z.literal('measurement'),
  concept,
  op: z.enum(['<', '<=', '=', '>=', '>'], { error: 'op must be one of <, <=, =, >=, >' }),
  value: z.number({ error: 'value must be a number' }).refine(Number.isFinite, {
    error: 'value must be a finite number',
  }),
  which: z.enum(['latest', 'any'], { error: 'which must be "latest" or "any"' }),
  withinDays,
});

const drugLeaf = z.strictObject({
  type: z.literal('drug'),
  concepts: conceptList,
  withinDays,
  descendants,
});

const visitLeaf = z.strictObject({
  type: z.literal('visit'),
  visitType: z.enum(['inpatient', 'outpatient', 'emergency'], {
    error: 'visitType must be inpatient, outpatient or emergency',
  }),
  careSite: z
    .string({ error: 'careSite must be a care site id' })
    .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'careSite must be a care site id' })
    .optional(),
  withinDays,
});

export type CriteriaNode =
  | { all: CriteriaNode[] }
  | { any: CriteriaNode[] }
  | { not: CriteriaNode }
  | z.infer<typeof ageLeaf>
  | z.infer<typeof sexLeaf>
  | z.infer<typeof conditionLeaf>
  | z.infer<typeof conditionCountLeaf>
  | z.infer<typeof measurementLeaf>
  | z.infer<typeof drugLeaf>
  | z.infer<typeof visitLeaf>;

const leafTypes = [
  'age',
  'sex',
  'condition',
  'conditionCount',
  'measurement',
  'drug',
  'visit',
] as const;

export interface CriteriaProblem {
  /** Where in the tree, like `all[2].concepts[0]`; empty for the whole tree. */
  path: string;
  message: string;
}

/** The shape of the tree alone: its depth and size, found without recursion. */
function measure(tree: unknown): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: { value: unknown; level: number }[] = [{ value: tree, level: 1 }];
  while (stack.length > 0 && nodes <= maxNodes * 10) {
    const { value, level } = stack.pop() as { value: unknown; level: number };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    nodes += 1;
    depth = Math.max(depth, level);
    const record = value as Record<string, unknown>;
    for (const key of ['all', 'any'] as const) {
      const list = record[key];
      if (Array.isArray(list)) {
        for (const child of list.slice(0, maxChildren + 1))
          stack.push({ value: child, level: level + 1 });
      }
    }
    if ('not' in record) stack.push({ value: record.not, level: level + 1 });
  }
  return { depth, nodes };
}

const pathOf = (path: readonly PropertyKey[]) =>
  path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');

/** Checks a criteria tree; on failure, every problem found with where it is. */
export function parseCriteria(
  tree: unknown,
): { ok: true; criteria: CriteriaNode } | { ok: false; problems: CriteriaProblem[] } {
  const { depth, nodes } = measure(tree);
  if (depth > maxDepth) {
    return {
      ok: false,
      problems: [{ path: '', message: `Criteria may nest at most ${maxDepth} levels deep` }],
    };
  }
  if (nodes > maxNodes) {
    return {
      ok: false,
      problems: [{ path: '', message: `Criteria may hold at most ${maxNodes} criteria in all` }],
    };
  }
  const problems: CriteriaProblem[] = [];
  check(tree, [], problems);
  return problems.length ? { ok: false, problems } : { ok: true, criteria: tree as CriteriaNode };
}

const leafSchemas = new Map<string, z.ZodType>([
  ['age', ageLeaf],
  ['sex', sexLeaf],
  ['condition', conditionLeaf],
  ['conditionCount', conditionCountLeaf],
  ['measurement', measurementLeaf],
  ['drug', drugLeaf],
  ['visit', visitLeaf],
]);

const nodeShape =
  'Each criterion must be {"all": [...]}, {"any": [...]}, {"not": criterion} or a test with a "type"';

/** Checks one node and, for groups, its children; each problem says where it is. */
function check(value: unknown, path: PropertyKey[], problems: CriteriaProblem[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: pathOf(path), message: nodeShape });
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const group = (['all', 'any', 'not'] as const).find((key) => key in record);
  if (group) {
    if (keys.length !== 1) {
      problems.push({
        path: pathOf(path),
        message: `The "${group}" group must have nothing else beside it`,
      });
      return;
    }
    if (group === 'not') {
      check(record.not, [...path, 'not'], problems);
      return;
    }
    const list = record[group];
    if (!Array.isArray(list)) {
      problems.push({ path: pathOf([...path, group]), message: 'must be a list of criteria' });
    } else if (list.length === 0) {
      problems.push({
        path: pathOf([...path, group]),
        message: 'must hold at least one criterion',
      });
    } else if (list.length > maxChildren) {
      problems.push({
        path: pathOf([...path, group]),
        message: `may hold at most ${maxChildren} criteria`,
      });
    } else {
      list.forEach((child, index) => check(child, [...path, group, index], problems));
    }
    return;
  }
  const type = record.type;
  const schema = typeof type === 'string' ? leafSchemas.get(type) : undefined;
  if (!schema) {
    problems.push({
      path: pathOf([...path, 'type']),
      message:
        typeof type === 'string'
          ? `Unknown type "${type.slice(0, 40)}": use one of ${leafTypes.join(', ')}`
          : nodeShape,
    });
    return;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ path: pathOf([...path, ...issue.path]), message: issue.message });
    }
  }
}
