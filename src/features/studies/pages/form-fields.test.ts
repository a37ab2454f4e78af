import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  datePartsOf,
  pageErrors,
  readDate,
  readMilestoneForm,
  readRecruitmentForm,
  readSiteForm,
  readStudyForm,
} from './form-fields.js';

const date = (name: string, day: string, month: string, year: string) => ({
  [`${name}Day`]: day,
  [`${name}Month`]: month,
  [`${name}Year`]: year,
});

test('a date is read from its three boxes, with a message for each way it can be wrong', () => {
  const read = (day: string, month: string, year: string) =>
    readDate(date('on', day, month, year), 'on', 'the planned start');
  assert.deepEqual(read('7', '3', '2026'), { ok: true, date: '2026-03-07' });
  assert.deepEqual(read(' 07 ', '03', '2026'), { ok: true, date: '2026-03-07' });
  assert.deepEqual(read('', '', ''), { ok: false, reason: 'Enter the planned start' });
  assert.deepEqual(read('7', '', ''), {
    ok: false,
    reason: 'The planned start must include a month and a year',
  });
  assert.deepEqual(read('31', '2', '2026'), {
    ok: false,
    reason: 'The planned start must be a real date',
  });
  assert.deepEqual(read('seven', '3', '26'), {
    ok: false,
    reason: 'The planned start must be a real date written in numbers, like 27 3 2026',
  });
  assert.deepEqual(datePartsOf('on', '2026-03-07'), {
    onDay: '7',
    onMonth: '3',
    onYear: '2026',
  });
  assert.deepEqual(datePartsOf('on', null), { onDay: '', onMonth: '', onYear: '' });
});

test('the study form becomes the schema’s shape: yes/no, whole numbers, optional ids', () => {
  const reading = readStudyForm({
    title: ' A title ',
    shortTitle: 'Short',
    sponsor: 'Sponsor',
    isCommercial: 'no',
    studyType: 'observational',
    phase: 'not-applicable',
    healthCategory: 'musculoskeletal',
    mhraApprovalNeeded: 'yes',
    recruitmentTarget: '1,200',
    nctId: 'nct01234567',
    irasId: '',
    enquiryReference: 'mha-2026-00042',
    ...date('plannedStart', '1', '2', '2026'),
    ...date('plannedEnd', '1', '2', '2027'),
  });
  assert.ok(reading.ok);
  assert.deepEqual(reading.input, {
    title: 'A title',
    shortTitle: 'Short',
    sponsor: 'Sponsor',
    isCommercial: false,
    studyType: 'observational',
    phase: 'not-applicable',
    healthCategory: 'musculoskeletal',
    mhraApprovalNeeded: true,
    recruitmentTarget: 1200,
    irasId: null,
    isrctn: null,
    nctId: 'NCT01234567',
    euCtNumber: null,
    enquiryReference: 'MHA-2026-00042',
    plannedStart: '2026-02-01',
    plannedEnd: '2027-02-01',
  });
});

test('an end before the start is named on the end, linked to its day box', () => {
  const reading = readSiteForm({
    organisation: 'uhb',
    principalInvestigator: 'Dr A',
    recruitmentTarget: '10',
    ...date('plannedOpen', '1', '6', '2026'),
    ...date('plannedClose', '1', '5', '2026'),
  });
  assert.ok(!reading.ok);
  assert.deepEqual(reading.errors.summary, [
    { text: 'The planned close date must be after the opening date', href: '#plannedCloseDay' },
  ]);
  assert.equal(reading.values.plannedCloseMonth, '5', 'what was typed is kept');
});

test('a milestone needs a date; its evidence is optional', () => {
  const missing = readMilestoneForm({ evidence: 'Letter' });
  assert.ok(!missing.ok);
  assert.deepEqual(missing.errors.fields, { achievedOn: { text: 'Enter the date' } });
  const read = readMilestoneForm(date('achievedOn', '2', '1', '2026'));
  assert.deepEqual(read.ok && read.input, { achievedOn: '2026-01-02', evidence: '' });
});

test('a day’s recruitment refuses negative and non-numeric counts', () => {
  const day = date('date', '2', '1', '2026');
  const read = (participants: string) => readRecruitmentForm({ ...day, participants }, 'site-id');
  assert.deepEqual(read('4').ok && read('4'), {
    ok: true,
    input: { site: 'site-id', date: '2026-01-02', participants: 4 },
    values: { ...day, participants: '4' },
  });
  const negative = read('-1');
  assert.deepEqual(!negative.ok && negative.errors.summary, [
    { text: 'Participants cannot be negative', href: '#participants' },
  ]);
  const words = read('3.5');
  assert.deepEqual(!words.ok && words.errors.fields.participants, {
    text: 'Participants must be a whole number',
  });
});

test('problems are ordered by the form, each listed, several for one field joined beside it', () => {
  const errors = pageErrors(
    [
      { name: 'evidence', reason: 'Too long' },
      { name: 'achievedOn', reason: 'Cannot be before A' },
      { name: 'achievedOn', reason: 'Cannot be after B' },
      { name: 'achievedOn', reason: 'Cannot be after B' },
    ],
    ['achievedOn', 'evidence'],
    { achievedOn: 'achievedOnDay' },
  );
  assert.deepEqual(errors.summary, [
    { text: 'Cannot be before A', href: '#achievedOnDay' },
    { text: 'Cannot be after B', href: '#achievedOnDay' },
    { text: 'Too long', href: '#evidence' },
  ]);
  assert.deepEqual(errors.fields.achievedOn, { text: 'Cannot be before A. Cannot be after B' });
});
