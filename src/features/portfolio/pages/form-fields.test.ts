import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  pageErrors,
  readChallengeForm,
  readProjectForm,
  readStageMoveForm,
  similarityDigest,
} from './form-fields.js';

const abstract =
  'A randomised trial of resistance exercise for older adults with low grip strength, measuring gait speed.';

const projectForm = {
  title: 'Exercise for sarcopenia',
  laySummary: '',
  abstract,
  healthCategory: 'musculoskeletal',
  leadOrganisationId: 'uhb',
  partnerOrganisationIds: ['nuh', 'uhl'],
  investigatorIds: '0f8fad5b-d9cb-469f-a165-70867728950e',
  grandChallenges: 'sarcopenia',
  pipeline: '',
  researchActivityCode: '',
  funder: '',
  amountPounds: '£1,250,000',
  startDateDay: '1',
  startDateMonth: '4',
  startDateYear: '2026',
  endDateDay: '',
  endDateMonth: '',
  endDateYear: '',
};

describe('the project form', () => {
  test('text fields become the schema’s shape: empty optional fields are null, lists are lists, £ and commas are read', () => {
    const reading = readProjectForm(projectForm);
    assert.ok(reading.ok, JSON.stringify(!reading.ok && reading.errors));
    assert.deepEqual(reading.input.partnerOrganisationIds, ['nuh', 'uhl']);
    assert.deepEqual(reading.input.investigatorIds, ['0f8fad5b-d9cb-469f-a165-70867728950e']);
    assert.deepEqual(reading.input.grandChallenges, ['sarcopenia']);
    assert.equal(reading.input.amountPounds, 1_250_000);
    assert.equal(reading.input.startDate, '2026-04-01');
    assert.equal(reading.input.endDate, null);
    assert.equal(reading.input.laySummary, '');
    assert.equal(reading.input.funder, null);
    assert.equal(reading.input.pipeline, null);
  });

  test('an empty form names each required field, in form order, and keeps what was typed', () => {
    const reading = readProjectForm({ funder: 'Wellcome', amountPounds: 'lots' });
    assert.equal(reading.ok, false);
    assert.ok(!reading.ok);
    assert.deepEqual(
      reading.errors.summary.map((e) => [e.href, e.text]),
      [
        ['#title', 'Enter a title'],
        ['#abstract', 'The abstract must be at least 50 characters'],
        ['#healthCategory', 'Choose a health category'],
        ['#leadOrganisationId', 'Choose the lead organisation'],
        ['#amountPounds', 'The amount must be a whole number of pounds, like 250000 or £250,000'],
      ],
    );
    assert.equal(reading.values.text.funder, 'Wellcome');
    assert.equal(reading.values.text.amountPounds, 'lots');
  });

  test('dates are read from their three boxes, and their errors link to the day box', () => {
    const reading = readProjectForm({
      ...projectForm,
      startDateDay: '31',
      startDateMonth: '2',
      endDateDay: '1',
      endDateMonth: '',
      endDateYear: '2027',
    });
    assert.ok(!reading.ok);
    assert.deepEqual(
      reading.errors.summary.map((e) => [e.href, e.text]),
      [
        ['#startDateDay', 'The start date must be a real date'],
        ['#endDateDay', 'The end date must include a month'],
      ],
    );
  });

  test('an end before the start is refused on the end date', () => {
    const reading = readProjectForm({
      ...projectForm,
      endDateDay: '1',
      endDateMonth: '1',
      endDateYear: '2026',
    });
    assert.ok(!reading.ok);
    assert.deepEqual(reading.errors.fields.endDateDay, {
      text: 'The end date must not be before the start date',
    });
  });

  test('a tampered list value gets a message in words', () => {
    const reading = readProjectForm({ ...projectForm, investigatorIds: 'not-a-person' });
    assert.ok(!reading.ok);
    assert.equal(
      reading.errors.fields.investigatorIds?.text,
      'Each investigator must be a person id from the directory',
    );
  });

  test('the similarity fingerprint changes with the text the check reads, not with the order of lists', () => {
    const input = {
      title: 't',
      laySummary: '',
      abstract: 'a',
      healthCategory: 'eye',
      investigatorIds: ['1', '2'],
      grandChallenges: [],
    };
    assert.equal(
      similarityDigest(input),
      similarityDigest({ ...input, investigatorIds: ['2', '1'] }),
    );
    assert.notEqual(similarityDigest(input), similarityDigest({ ...input, abstract: 'b' }));
  });
});

test('a stage move needs a stage, a real date and evidence', () => {
  const empty = readStageMoveForm({});
  assert.ok(!empty.ok);
  assert.deepEqual(
    empty.errors.summary.map((e) => [e.href, e.text]),
    [
      ['#stage', 'Choose a stage'],
      ['#enteredOnDay', 'Enter the date'],
      ['#evidence', 'Enter the evidence for the gate'],
    ],
  );
  const good = readStageMoveForm({
    stage: 'discovery',
    enteredOnDay: '3',
    enteredOnMonth: '3',
    enteredOnYear: '2026',
    evidence: 'Pilot data',
  });
  assert.ok(good.ok);
  assert.deepEqual(good.input, {
    stage: 'discovery',
    enteredOn: '2026-03-03',
    evidence: 'Pilot data',
  });
});

test('a grand challenge needs a title, a summary and a status; partners are a list', () => {
  const reading = readChallengeForm({ organisations: 'uhb' });
  assert.ok(!reading.ok);
  assert.deepEqual(
    reading.errors.summary.map((e) => e.href),
    ['#title', '#summary', '#status'],
  );
  assert.deepEqual(reading.values.organisations, ['uhb']);
});

test('problems the service names by a field not on the form go to the first field', () => {
  const errors = pageErrors(
    [
      { name: 'partnerOrganisationIds.1', reason: 'There is no such organisation' },
      { name: 'project', reason: 'Something else' },
    ],
    ['title', 'partnerOrganisationIds'],
  );
  assert.deepEqual(errors.summary, [
    { text: 'Something else', href: '#title' },
    { text: 'There is no such organisation', href: '#partnerOrganisationIds' },
  ]);
});

test('limits the schema states without a message of its own are put in words', () => {
  const reading = readChallengeForm({
    title: 'T',
    summary: 'S',
    status: 'active',
    description: 'x'.repeat(20_001),
  });
  assert.ok(!reading.ok);
  assert.deepEqual(reading.errors.fields.description, {
    text: 'The description must be 20,000 characters or fewer',
  });
});
