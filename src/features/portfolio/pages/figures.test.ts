import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type ProjectFacts,
  entriesPerQuarter,
  figuresCsv,
  lastQuarters,
  portfolioFigures,
  quarterOf,
  quarterText,
  quartersSpanText,
  recentMoves,
  shortPoundsText,
} from './figures.js';

const pipeline = {
  slug: 'birmingham',
  name: 'Birmingham pipeline',
  owner: { slug: 'nihr-birmingham-brc', name: 'Birmingham BRC' },
};
const stage = (slug: string, name: string, position: number) => ({
  pipeline,
  current: { slug, name, position },
});

function project(overrides: Partial<ProjectFacts> & { id: string }): ProjectFacts {
  return {
    reference: `MHA-P-2026-${overrides.id}`,
    title: `Project ${overrides.id}`,
    lead: { slug: 'uhb', name: 'University Hospitals Birmingham' },
    grandChallenges: [],
    healthCategory: 'musculoskeletal',
    amountPounds: null,
    stage: null,
    ...overrides,
  };
}

const sarcopenia = { slug: 'sarcopenia', title: 'Sarcopenia' };
const multimorbidity = { slug: 'multimorbidity', title: 'Multimorbidity' };

const projects: ProjectFacts[] = [
  project({
    id: '0001',
    grandChallenges: [sarcopenia, multimorbidity],
    amountPounds: 100_000,
    stage: stage('discovery', 'Discovery', 1),
  }),
  project({
    id: '0002',
    grandChallenges: [sarcopenia],
    amountPounds: 250_000,
    lead: { slug: 'nuh', name: 'Nottingham University Hospitals' },
    healthCategory: 'cardiovascular',
    stage: stage('phase-2', 'Phase 2', 4),
  }),
  project({ id: '0003', stage: { pipeline, current: null } }),
  project({
    id: '0004',
    amountPounds: 50_000,
    lead: { slug: 'nuh', name: 'Nottingham University Hospitals' },
    stage: stage('discovery', 'Discovery', 1),
  }),
];

describe('the portfolio figures', () => {
  const figures = portfolioFigures(projects, [
    sarcopenia,
    multimorbidity,
    { slug: 'eyes', title: 'Eyes' },
  ]);
  const pick = (
    rows: { key: string; projects: number; fundingPounds: number; withoutAmount: number }[],
  ) => rows.map((r) => [r.key, r.projects, r.fundingPounds, r.withoutAmount]);

  test('totals count every project once and add only the amounts recorded', () => {
    assert.equal(figures.projects, 4);
    assert.equal(figures.fundingPounds, 400_000);
    assert.equal(figures.withoutAmount, 1);
  });

  test('a project in two grand challenges counts in both; challenges without projects show 0; projects in none come last', () => {
    assert.deepEqual(pick(figures.byFigure.challenge), [
      ['sarcopenia', 2, 350_000, 0],
      ['multimorbidity', 1, 100_000, 0],
      ['eyes', 0, 0, 0],
      ['none', 2, 50_000, 1],
    ]);
  });

  test('centres and categories are ordered by projects, then by name', () => {
    assert.deepEqual(pick(figures.byFigure.centre), [
      ['nuh', 2, 300_000, 0],
      ['uhb', 2, 100_000, 1],
    ]);
    assert.deepEqual(
      figures.byFigure.category.map((r) => [r.label, r.projects]),
      [
        ['Musculoskeletal', 3],
        ['Cardiovascular', 1],
      ],
    );
  });

  test('stages follow the pipeline order, after projects not started and before those in no pipeline', () => {
    const withNoPipeline = portfolioFigures([...projects, project({ id: '0005' })]);
    assert.deepEqual(
      withNoPipeline.byFigure.stage.map((r) => [r.key, r.projects]),
      [
        ['not-started', 1],
        ['discovery', 2],
        ['phase-2', 1],
        ['none', 1],
      ],
    );
  });

  test('the CSV has one row per group, in long form, with the figure named', () => {
    const csv = figuresCsv(figures, ['centre']);
    assert.equal(
      csv,
      'figure,group,group_name,projects,funding_pounds,projects_without_amount\r\n' +
        'centre,nuh,Nottingham University Hospitals,2,300000,0\r\n' +
        'centre,uhb,University Hospitals Birmingham,2,100000,1\r\n',
    );
    const all = figuresCsv(figures).trim().split('\r\n');
    assert.equal(all.length, 1 + 4 + 2 + 2 + 3);
  });

  test('an empty portfolio has empty breakdowns, except the challenges listed', () => {
    const empty = portfolioFigures([], [sarcopenia]);
    assert.equal(empty.projects, 0);
    assert.deepEqual(pick(empty.byFigure.challenge), [['sarcopenia', 0, 0, 0]]);
    assert.deepEqual(empty.byFigure.stage, []);
  });
});

describe('movement along the pipelines', () => {
  test('quarters are named by year and number', () => {
    assert.equal(quarterOf('2026-01-01'), '2026-Q1');
    assert.equal(quarterOf('2026-06-30'), '2026-Q2');
    assert.equal(quarterOf('2026-12-31'), '2026-Q4');
    assert.equal(quarterText('2026-Q3'), 'Jul to Sep 2026');
    assert.equal(quartersSpanText('2025-Q1', '2026-Q4'), 'January 2025 to December 2026');
  });

  test('the last eight quarters end with the current one and cross years', () => {
    assert.deepEqual(lastQuarters('2026-02-10', 8), [
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
    ]);
  });

  test('entries are counted per stage and quarter; moves outside the quarters are left out', () => {
    const moves = [
      { projectId: 'a', stage: 'discovery', enteredOn: '2025-01-15', evidence: 'x' },
      { projectId: 'a', stage: 'proof-of-mechanism', enteredOn: '2025-05-01', evidence: 'x' },
      { projectId: 'b', stage: 'discovery', enteredOn: '2025-03-31', evidence: 'x' },
      { projectId: 'c', stage: 'discovery', enteredOn: '2020-03-31', evidence: 'x' },
    ];
    const entries = entriesPerQuarter(
      moves,
      [
        { slug: 'discovery', name: 'Discovery' },
        { slug: 'proof-of-mechanism', name: 'Proof of mechanism' },
      ],
      ['2025-Q1', '2025-Q2'],
    );
    assert.deepEqual(
      entries.map((e) => [e.stage, e.counts, e.total]),
      [
        ['discovery', [2, 0], 2],
        ['proof-of-mechanism', [0, 1], 1],
      ],
    );
  });

  test('recent moves are newest first and name the stage each left', () => {
    const moves = recentMoves(
      [
        [
          { projectId: 'a', stage: 'discovery', enteredOn: '2025-01-15', evidence: 'first' },
          {
            projectId: 'a',
            stage: 'proof-of-mechanism',
            enteredOn: '2025-05-01',
            evidence: 'second',
          },
        ],
        [{ projectId: 'b', stage: 'discovery', enteredOn: '2025-03-31', evidence: 'third' }],
      ],
      2,
    );
    assert.deepEqual(
      moves.map((m) => [m.projectId, m.from, m.stage]),
      [
        ['a', 'discovery', 'proof-of-mechanism'],
        ['b', null, 'discovery'],
      ],
    );
  });
});

test('money on a chart is short: £1.3m, £250k, £900', () => {
  assert.equal(shortPoundsText(1_250_000), '£1.3m');
  assert.equal(shortPoundsText(250_000), '£250k');
  assert.equal(shortPoundsText(900), '£900');
  assert.equal(shortPoundsText(0), '£0');
});
