import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxChildren, maxDepth, parseCriteria } from './criteria.js';

const problemsOf = (tree: unknown) => {
  const result = parseCriteria(tree);
  assert.ok(!result.ok, 'the criteria were refused');
  return result.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

test('a tree using every kind of test is accepted as it is', () => {
  const tree = {
    all: [
      { type: 'age', min: 65, max: 84 },
      { type: 'sex', value: 'female' },
      { type: 'condition', concepts: ['SNOMED:230690007'], withinDays: 365 },
      {
        type: 'conditionCount',
        concepts: ['SNOMED:44054006', 'SNOMED:38341003', 'SNOMED:13645005'],
        atLeast: 2,
      },
      {
        type: 'measurement',
        concept: 'LOINC:2160-0',
        op: '<',
        value: 27,
        which: 'latest',
        withinDays: 730,
      },
      { any: [{ type: 'drug', concepts: ['OMOP:1503297'], withinDays: 365 }] },
      { not: { type: 'visit', visitType: 'inpatient', careSite: 'uhb', withinDays: 365 } },
    ],
  };
  assert.deepEqual(parseCriteria(tree), { ok: true, criteria: tree });
});

test('an unknown type is named with where it is and what is allowed', () => {
  assert.deepEqual(problemsOf({ all: [{ type: 'age', min: 65 }, { type: 'spaceship' }] }), [
    'all[1].type: Unknown type "spaceship": use one of age, sex, condition, conditionCount, measurement, drug, visit',
  ]);
});

test('every problem in a tree is reported, not only the first', () => {
  const problems = problemsOf({
    any: [
      { type: 'age', min: 90, max: 65 },
      { type: 'condition', concepts: ['SNOMED:not-a-code'], withinDays: -3 },
      { type: 'measurement', concept: 'LOINC:2160-0', op: '≈', value: '27', which: 'first' },
    ],
  });
  assert.deepEqual(problems, [
    'any[0]: An age criterion’s min must not be above its max',
    'any[1].concepts[0]: A concept must be written VOCABULARY:code, like "SNOMED:230690007" or "LOINC:2160-0"',
    'any[1].withinDays: withinDays must be at least 1',
    'any[2].op: op must be one of <, <=, =, >=, >',
    'any[2].value: value must be a number',
    'any[2].which: which must be "latest" or "any"',
  ]);
});

test('wrong types and shapes are refused with a message', () => {
  assert.deepEqual(problemsOf('everyone'), [
    ': Each criterion must be {"all": [...]}, {"any": [...]}, {"not": criterion} or a test with a "type"',
  ]);
  assert.deepEqual(problemsOf({ all: 'yes' }), ['all: must be a list of criteria']);
  assert.deepEqual(problemsOf({ all: [] }), ['all: must hold at least one criterion']);
  assert.deepEqual(problemsOf({ all: [{ type: 'sex', value: 'female' }], any: [] }), [
    ': The "all" group must have nothing else beside it',
  ]);
  assert.deepEqual(problemsOf({ type: 'sex', value: 'female', extra: 1 }), [
    ': Unrecognized key: "extra"',
  ]);
  assert.deepEqual(
    problemsOf({ type: 'conditionCount', concepts: ['SNOMED:44054006'], atLeast: 2 }),
    [': atLeast cannot be more than the number of different concepts listed'],
  );
});

test('nesting past the documented limit is refused before anything else is checked', () => {
  let tree: unknown = { type: 'sex', value: 'male' };
  for (let level = 1; level < maxDepth; level += 1) tree = { not: tree };
  assert.equal(parseCriteria(tree).ok, true, `${maxDepth} levels are allowed`);
  assert.deepEqual(problemsOf({ not: tree }), [
    `: Criteria may nest at most ${maxDepth} levels deep`,
  ]);
  // Far past the limit: refused quickly and without overflowing the stack.
  let deep: unknown = { type: 'sex', value: 'male' };
  for (let level = 0; level < 100_000; level += 1) deep = { not: deep };
  assert.deepEqual(problemsOf(deep), [`: Criteria may nest at most ${maxDepth} levels deep`]);
});

test('huge lists are refused', () => {
  const many = Array.from({ length: maxChildren + 1 }, () => ({ type: 'sex', value: 'male' }));
  assert.deepEqual(problemsOf({ any: many }), [`any: may hold at most ${maxChildren} criteria`]);
  const concepts = Array.from({ length: 201 }, (_, index) => `SNOMED:${100000 + index}`);
  assert.deepEqual(problemsOf({ type: 'condition', concepts }), [
    'concepts: concepts may name at most 200 concepts',
  ]);
});
