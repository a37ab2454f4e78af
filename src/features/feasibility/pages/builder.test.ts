import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CriteriaNode } from '../criteria.js';
import type { Namer } from '../describe.js';
import { TEMPLATES } from '../templates.js';
import {
  conceptCodeOf,
  criterionFromFields,
  criterionProblemErrors,
  decodeDraft,
  draftFieldsFrom,
  emptyDraftFields,
  encodeCriteria,
  encodeDraft,
  fieldsFromCriterion,
  parseAction,
  problemPlace,
  readCriteriaJson,
  withConceptAdded,
  withCriterion,
  withoutCriterion,
  type DraftFields,
} from './builder.js';

const fields = (values: Partial<DraftFields>): DraftFields => ({ ...emptyDraftFields, ...values });

/** The criterion the fields make, failing the test if they make none. */
function built(values: Partial<DraftFields>): CriteriaNode {
  const result = criterionFromFields(fields(values));
  assert.ok(result.ok, `no criterion: ${JSON.stringify(!result.ok && result.errors.summary)}`);
  return result.criterion;
}

/** The messages beside each field, failing the test if the fields make a criterion. */
function errorsOf(values: Partial<DraftFields>): Record<string, string> {
  const result = criterionFromFields(fields(values));
  assert.ok(!result.ok, 'the fields were refused');
  return Object.fromEntries(
    Object.entries(result.errors.fields).map(([field, message]) => [field, message.text]),
  );
}

const names: Namer = {
  concept: (concept) => (concept === 'SNOMED:44054006' ? 'Type 2 diabetes mellitus' : undefined),
  careSite: () => undefined,
};

describe('form fields into criteria', () => {
  test('an age range takes either bound or both', () => {
    assert.deepEqual(built({ type: 'age', min: '65', max: '' }), { type: 'age', min: 65 });
    assert.deepEqual(built({ type: 'age', min: '', max: '17' }), { type: 'age', max: 17 });
    assert.deepEqual(built({ type: 'age', min: ' 18 ', max: '64' }), {
      type: 'age',
      min: 18,
      max: 64,
    });
  });

  test('an age range without bounds, with words or upside down says what to fix', () => {
    assert.deepEqual(errorsOf({ type: 'age' }), {
      min: 'Enter the youngest age, the oldest age or both',
    });
    assert.deepEqual(errorsOf({ type: 'age', min: 'sixty', max: '200' }), {
      min: 'The youngest age must be a whole number, like 65',
      max: 'The oldest age must be between 0 and 130',
    });
    assert.deepEqual(errorsOf({ type: 'age', min: '80', max: '70' }), {
      max: 'The oldest age must be the same as or more than the youngest age',
    });
  });

  test('sex must be chosen', () => {
    assert.deepEqual(built({ type: 'sex', sex: 'female' }), { type: 'sex', value: 'female' });
    assert.deepEqual(errorsOf({ type: 'sex', sex: 'other' }), { sex: 'Select female or male' });
  });

  test('concepts are read one a line, names after the code ignored, repeats dropped', () => {
    assert.deepEqual(
      built({
        type: 'condition',
        concepts:
          'SNOMED:44054006 Type 2 diabetes mellitus\r\n\n  snomed:38341003\nSNOMED:44054006',
        withinDays: '3,650',
        descendants: 'yes',
      }),
      {
        type: 'condition',
        concepts: ['SNOMED:44054006', 'SNOMED:38341003'],
        withinDays: 3650,
        descendants: true,
      },
    );
  });

  test('a line that is not a concept code is named by its number', () => {
    assert.deepEqual(errorsOf({ type: 'drug', concepts: 'RXNORM:6809\nmetformin' }), {
      concepts:
        'Line 2 (“metformin”) does not start with a concept code: write each as VOCABULARY:code, like SNOMED:44054006',
    });
    assert.deepEqual(errorsOf({ type: 'condition', concepts: ' \n ' }), {
      concepts: 'Enter at least one concept, one on each line, like SNOMED:44054006',
    });
  });

  test('the number of days must be a whole number in range', () => {
    assert.deepEqual(
      errorsOf({ type: 'condition', concepts: 'SNOMED:1234567', withinDays: '1.5' }),
      {
        withinDays: 'The number of days must be a whole number, like 365',
      },
    );
    assert.deepEqual(errorsOf({ type: 'condition', concepts: 'SNOMED:1234567', withinDays: '0' }), {
      withinDays: 'The number of days must be between 1 and 36,500',
    });
  });

  test('a number of conditions cannot ask for more than are listed', () => {
    assert.deepEqual(
      built({ type: 'conditionCount', concepts: 'SNOMED:1234567\nSNOMED:7654321', atLeast: '2' }),
      { type: 'conditionCount', concepts: ['SNOMED:1234567', 'SNOMED:7654321'], atLeast: 2 },
    );
    assert.deepEqual(
      errorsOf({
        type: 'conditionCount',
        concepts: 'SNOMED:1234567\nSNOMED:7654321',
        atLeast: '3',
      }),
      { atLeast: 'The number of conditions cannot be more than the 2 different conditions listed' },
    );
    assert.deepEqual(errorsOf({ type: 'conditionCount', concepts: 'SNOMED:1234567' }), {
      atLeast: 'Enter how many of the conditions people must have, like 2',
    });
  });

  test('a measurement needs its concept, a comparison, a number and which result', () => {
    assert.deepEqual(
      built({
        type: 'measurement',
        concept: 'OMOP:2000001001 Hand grip strength',
        op: '<',
        value: '16',
        which: 'latest',
        withinDays: '730',
      }),
      {
        type: 'measurement',
        concept: 'OMOP:2000001001',
        op: '<',
        value: 16,
        which: 'latest',
        withinDays: 730,
      },
    );
    assert.deepEqual(
      built({
        type: 'measurement',
        concept: 'LOINC:4548-4',
        op: '>=',
        value: '-0.5',
        which: 'any',
      }),
      {
        type: 'measurement',
        concept: 'LOINC:4548-4',
        op: '>=',
        value: -0.5,
        which: 'any',
      },
    );
    assert.deepEqual(errorsOf({ type: 'measurement', value: 'heavy' }), {
      concept: 'Enter the measurement’s concept, like LOINC:4548-4, or find it by searching',
      op: 'Select how the result compares with the value',
      value: 'The value must be a number, like 27 or 0.8',
      which: 'Select whether the latest result or any result counts',
    });
  });

  test('a visit is at any trust unless one is chosen', () => {
    assert.deepEqual(built({ type: 'visit', visitType: 'emergency', withinDays: '365' }), {
      type: 'visit',
      visitType: 'emergency',
      withinDays: 365,
    });
    assert.deepEqual(built({ type: 'visit', visitType: 'inpatient', careSite: '3' }), {
      type: 'visit',
      visitType: 'inpatient',
      careSite: '3',
    });
    assert.deepEqual(errorsOf({ type: 'visit', visitType: 'day-case' }), {
      visitType: 'Select the type of visit',
    });
  });

  test('"exclude people who match" wraps the criterion in not', () => {
    assert.deepEqual(built({ type: 'sex', sex: 'male', exclude: 'yes' }), {
      not: { type: 'sex', value: 'male' },
    });
  });

  test('an unknown type is refused', () => {
    assert.deepEqual(errorsOf({ type: 'spaceship' }), { type: 'Select the type of criterion' });
  });

  test('errors are listed in the order of the form', () => {
    const result = criterionFromFields(fields({ type: 'measurement', withinDays: 'x' }));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.summary.map((entry) => entry.href),
      ['#concept', '#op', '#value', '#which', '#withinDays'],
    );
  });
});

describe('criteria back into form fields', () => {
  test('every kind of leaf goes to the form and back unchanged', () => {
    const leaves: CriteriaNode[] = [
      { type: 'age', min: 65, max: 84 },
      { type: 'sex', value: 'female' },
      { type: 'condition', concepts: ['SNOMED:44054006', 'SNOMED:38341003'], withinDays: 365 },
      {
        type: 'conditionCount',
        concepts: ['SNOMED:44054006', 'SNOMED:38341003'],
        atLeast: 2,
        descendants: true,
      },
      { type: 'measurement', concept: 'LOINC:4548-4', op: '>', value: 48, which: 'any' },
      { type: 'drug', concepts: ['RXNORM:6809'] },
      { type: 'visit', visitType: 'outpatient', careSite: '7', withinDays: 90 },
      { not: { type: 'condition', concepts: ['SNOMED:44054006'] } },
    ];
    for (const leaf of leaves) {
      const form = fieldsFromCriterion(leaf, names);
      assert.ok(form, `fields for ${JSON.stringify(leaf)}`);
      assert.deepEqual(built(form), leaf);
    }
  });

  test('concepts are shown with their names, which reading them ignores', () => {
    const form = fieldsFromCriterion(
      { type: 'condition', concepts: ['SNOMED:44054006', 'SNOMED:1234567'] },
      names,
    );
    assert.equal(form?.concepts, 'SNOMED:44054006 Type 2 diabetes mellitus\nSNOMED:1234567');
  });

  test('groups are not edited field by field', () => {
    const sarcopenia = TEMPLATES[0];
    assert.ok(sarcopenia && 'all' in sarcopenia.criteria);
    const group = sarcopenia.criteria.all[1];
    assert.ok(group && 'any' in group);
    assert.equal(fieldsFromCriterion(group, names), null);
    assert.equal(
      fieldsFromCriterion({ not: { any: [{ type: 'sex', value: 'male' }] } }, names),
      null,
    );
  });
});

describe('the criteria carried in the page', () => {
  test('an empty list is carried as an all of nothing', () => {
    assert.equal(encodeCriteria([]), '{"all":[]}');
    assert.deepEqual(readCriteriaJson('{"all":[]}'), { ok: true, list: [] });
    assert.deepEqual(readCriteriaJson(''), { ok: true, list: [] });
  });

  test('every template is read back as its list of top-level criteria', () => {
    for (const template of TEMPLATES) {
      const list = 'all' in template.criteria ? template.criteria.all : [template.criteria];
      assert.deepEqual(readCriteriaJson(encodeCriteria(list)), { ok: true, list });
    }
  });

  test('criteria that are not an all become a list of one', () => {
    assert.deepEqual(readCriteriaJson('{"type":"sex","value":"male"}'), {
      ok: true,
      list: [{ type: 'sex', value: 'male' }],
    });
  });

  test('malformed JSON and criteria the language refuses are explained', () => {
    const broken = readCriteriaJson('{"all": [');
    assert.ok(!broken.ok);
    assert.match(broken.problems[0] ?? '', /^The JSON could not be read: /);
    assert.deepEqual(readCriteriaJson('{"all":[{"type":"age"}]}'), {
      ok: false,
      problems: ['all[0]: An age criterion needs min, max or both'],
    });
  });

  test('a problem’s place names the criterion of the list it is in', () => {
    assert.deepEqual(problemPlace('all[2].concepts[0]'), { index: 2, rest: 'concepts[0]' });
    assert.deepEqual(problemPlace('all[0]'), { index: 0, rest: '' });
    assert.deepEqual(problemPlace(''), { index: null, rest: '' });
  });

  test('the draft survives the other forms as one hidden field', () => {
    const draft = {
      step: 'fields' as const,
      editing: 2,
      fields: fields({ type: 'age', min: '65', exclude: 'yes' }),
    };
    assert.deepEqual(decodeDraft(encodeDraft(draft)), draft);
    assert.equal(encodeDraft(null), '');
    assert.equal(decodeDraft('not json'), null);
    assert.deepEqual(decodeDraft('{"step":"sideways","editing":-1,"fields":{"min":7}}'), {
      step: 'type',
      editing: null,
      fields: emptyDraftFields,
    });
  });

  test('only the form’s own fields are read, as text, and checkboxes are yes or nothing', () => {
    assert.deepEqual(
      draftFieldsFrom({
        type: 'age',
        min: ['1', '2'],
        descendants: 'on',
        exclude: 'yes',
        other: 'x',
      }),
      { ...emptyDraftFields, type: 'age', exclude: 'yes' },
    );
  });
});

describe('changing the list', () => {
  const a: CriteriaNode = { type: 'sex', value: 'male' };
  const b: CriteriaNode = { type: 'age', min: 65 };
  const c: CriteriaNode = { type: 'age', max: 90 };

  test('a new criterion is added at the end; a changed one stays in its place', () => {
    assert.deepEqual(withCriterion([a, b], c, null), [a, b, c]);
    assert.deepEqual(withCriterion([a, b], c, 0), [c, b]);
  });

  test('removing a criterion keeps the one being changed pointed at the right place', () => {
    const draft = { step: 'fields' as const, editing: 2, fields: emptyDraftFields };
    assert.deepEqual(withoutCriterion([a, b, c], 0, draft), {
      list: [b, c],
      draft: { ...draft, editing: 1 },
    });
    assert.deepEqual(withoutCriterion([a, b, c], 2, draft), {
      list: [a, b],
      draft: { ...draft, editing: null },
    });
    assert.deepEqual(withoutCriterion([a, b, c], 1, null), { list: [a, c], draft: null });
  });

  test('a concept found by the search is added once, or becomes the measurement', () => {
    const once = withConceptAdded(
      fields({ type: 'condition', concepts: 'SNOMED:38341003\n' }),
      'SNOMED:44054006',
      'Type 2 diabetes mellitus',
    );
    assert.equal(once.concepts, 'SNOMED:38341003\nSNOMED:44054006 Type 2 diabetes mellitus');
    assert.deepEqual(withConceptAdded(once, 'SNOMED:44054006', 'Type 2 diabetes mellitus'), once);
    assert.equal(
      withConceptAdded(
        fields({ type: 'measurement', concept: 'LOINC:1-1' }),
        'LOINC:4548-4',
        'HbA1c',
      ).concept,
      'LOINC:4548-4 HbA1c',
    );
  });

  test('the population’s unknown concepts are named in the field they were typed in', () => {
    const criterion: CriteriaNode = { not: { type: 'drug', concepts: ['RXNORM:1', 'RXNORM:2'] } };
    const errors = criterionProblemErrors('drug', criterion, [
      {
        path: 'not.concepts[1]',
        message: 'Unknown concept RXNORM:2: it is not in this population',
      },
    ]);
    assert.deepEqual(errors.summary, [
      {
        text: 'RXNORM:2 is not a concept in this population: search for the concept and add it from the results',
        href: '#concepts',
      },
    ]);
  });
});

describe('buttons', () => {
  test('each button’s action is read, with the criterion or concept it is for', () => {
    assert.deepEqual(parseAction('run'), { kind: 'run' });
    assert.deepEqual(parseAction('change:3'), { kind: 'change', index: 2 });
    assert.deepEqual(parseAction('remove:1'), { kind: 'remove', index: 0 });
    assert.deepEqual(parseAction('add-concept:LOINC:4548-4'), {
      kind: 'add-concept',
      concept: 'LOINC:4548-4',
    });
  });

  test('anything else is no action', () => {
    for (const value of ['', 'launch', 'change:', 'change:x', 'add-concept:nonsense', ['run'], 3]) {
      assert.equal(parseAction(value), null, JSON.stringify(value));
    }
  });

  test('a concept code is read from the start of a line, its vocabulary in capitals', () => {
    assert.equal(conceptCodeOf('  snomed:44054006 Type 2 diabetes'), 'SNOMED:44054006');
    assert.equal(conceptCodeOf(''), '');
  });
});
