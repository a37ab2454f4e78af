/**
 * The portfolio's numbers, worked out from projects and their stage histories and nothing else:
 * projects and funding by grand challenge, lead centre, health category and current stage; how
 * many projects entered each pipeline stage per quarter; and the latest stage moves. Pure, so that
 * the pages, the CSV and the tests all see the same figures.
 */
import { csvRow } from '../../../platform/audit/csv.js';
import { healthCategories } from '../../directory/model.js';

/** What the figures need to know about a project. */
export interface ProjectFacts {
  id: string;
  reference: string;
  title: string;
  lead: { slug: string; name: string };
  grandChallenges: readonly { slug: string; title: string }[];
  healthCategory: string;
  amountPounds: number | null;
  /** Its pipeline and the stage it is at, or null when it has no pipeline. */
  stage: {
    pipeline: { slug: string; name: string; owner: { slug: string; name: string } };
    /** Null when it is in a pipeline but has not entered any stage yet. */
    current: { slug: string; name: string; position: number } | null;
  } | null;
}

export interface FigureRow {
  /** A stable key for the CSV: a slug, or "none" / "not-started". */
  key: string;
  label: string;
  projects: number;
  /** The sum of the amounts recorded; projects without one add nothing. */
  fundingPounds: number;
  /** Projects counted here that have no amount recorded. */
  withoutAmount: number;
}

export const figureNames = ['challenge', 'centre', 'category', 'stage'] as const;
export type FigureName = (typeof figureNames)[number];

export const figureTitles: Record<FigureName, string> = {
  challenge: 'By grand challenge',
  centre: 'By lead centre',
  category: 'By health category',
  stage: 'By pipeline stage',
};

export interface PortfolioFigures {
  projects: number;
  fundingPounds: number;
  withoutAmount: number;
  byFigure: Record<FigureName, FigureRow[]>;
}

const noChallenge = { key: 'none', label: 'No grand challenge' };
const noPipeline = { key: 'none', label: 'Not in a pipeline' };
const notStarted = { key: 'not-started', label: 'In a pipeline, no stage entered yet' };

/** Adds each project to the groups it belongs to, keeping the groups' first-seen order. */
function tally(
  projects: readonly ProjectFacts[],
  groupsOf: (project: ProjectFacts) => { key: string; label: string }[],
): FigureRow[] {
  const rows = new Map<string, FigureRow>();
  for (const project of projects) {
    for (const group of groupsOf(project)) {
      const row = rows.get(group.key) ?? {
        key: group.key,
        label: group.label,
        projects: 0,
        fundingPounds: 0,
        withoutAmount: 0,
      };
      row.projects += 1;
      if (project.amountPounds === null) row.withoutAmount += 1;
      else row.fundingPounds += project.amountPounds;
      rows.set(group.key, row);
    }
  }
  return [...rows.values()];
}

const byCountThenName = (a: FigureRow, b: FigureRow) =>
  b.projects - a.projects || a.label.localeCompare(b.label, 'en-GB');

/**
 * The four breakdowns. A project in two grand challenges counts in both (so that column adds up
 * to more than the total); every other breakdown puts each project in exactly one group.
 * `challenges` lists every grand challenge, in the order to show them, so that those without
 * projects show as 0.
 */
export function portfolioFigures(
  projects: readonly ProjectFacts[],
  challenges: readonly { slug: string; title: string }[] = [],
): PortfolioFigures {
  const emptyRow = (key: string, label: string): FigureRow => ({
    key,
    label,
    projects: 0,
    fundingPounds: 0,
    withoutAmount: 0,
  });

  const challengeRows = tally(projects, (p) =>
    p.grandChallenges.length
      ? p.grandChallenges.map((g) => ({ key: g.slug, label: g.title }))
      : [noChallenge],
  );
  const byChallenge = [
    ...challenges.map(
      (c) => challengeRows.find((row) => row.key === c.slug) ?? emptyRow(c.slug, c.title),
    ),
    // Challenges not in the list given (none, normally), then projects in none.
    ...challengeRows
      .filter((row) => row.key !== noChallenge.key && !challenges.some((c) => c.slug === row.key))
      .sort(byCountThenName),
    ...challengeRows.filter((row) => row.key === noChallenge.key),
  ];

  const byCentre = tally(projects, (p) => [{ key: p.lead.slug, label: p.lead.name }]).sort(
    byCountThenName,
  );

  const categoryName = (slug: string) =>
    healthCategories.find((category) => category.slug === slug)?.name ?? slug;
  const byCategory = tally(projects, (p) => [
    { key: p.healthCategory, label: categoryName(p.healthCategory) },
  ]).sort(byCountThenName);

  // Stages of different pipelines with the same short name are the same step of the way.
  const position = new Map<string, number>();
  for (const p of projects) {
    const current = p.stage?.current;
    if (current)
      position.set(current.slug, Math.min(position.get(current.slug) ?? 99, current.position));
  }
  const stageRows = tally(projects, (p) => {
    if (!p.stage) return [noPipeline];
    if (!p.stage.current) return [notStarted];
    return [{ key: p.stage.current.slug, label: p.stage.current.name }];
  });
  const rank = (row: FigureRow) =>
    row.key === notStarted.key
      ? 0
      : row.key === noPipeline.key
        ? 1000
        : (position.get(row.key) ?? 999);
  const byStage = stageRows.sort((a, b) => rank(a) - rank(b));

  return {
    projects: projects.length,
    fundingPounds: projects.reduce((sum, p) => sum + (p.amountPounds ?? 0), 0),
    withoutAmount: projects.filter((p) => p.amountPounds === null).length,
    byFigure: { challenge: byChallenge, centre: byCentre, category: byCategory, stage: byStage },
  };
}

export const csvHeader = [
  'figure',
  'group',
  'group_name',
  'projects',
  'funding_pounds',
  'projects_without_amount',
];

/** The chosen figures (all by default) as CSV in long form: one row per group, CRLF lines. */
export function figuresCsv(
  figures: PortfolioFigures,
  only: readonly FigureName[] = figureNames,
): string {
  return [
    csvRow(csvHeader),
    ...only.flatMap((figure) =>
      figures.byFigure[figure].map((row) =>
        csvRow([figure, row.key, row.label, row.projects, row.fundingPounds, row.withoutAmount]),
      ),
    ),
  ].join('');
}

// ----- Money, in words and figures -----

/** £1,250,000 in a table. */
export function poundsText(pounds: number): string {
  return `£${pounds.toLocaleString('en-GB')}`;
}

/** £1.3m, £250k or £900 on a chart, where there is little room. */
export function shortPoundsText(pounds: number): string {
  if (pounds >= 1_000_000) {
    const millions = pounds / 1_000_000;
    return `£${millions >= 100 ? Math.round(millions) : Math.round(millions * 10) / 10}m`;
  }
  if (pounds >= 1_000) return `£${Math.round(pounds / 1_000)}k`;
  return `£${pounds}`;
}

// ----- Movement along the pipelines -----

/** "2026-Q1" for a YYYY-MM-DD date. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** "Jan to Mar 2026" for "2026-Q1". */
export function quarterText(quarter: string): string {
  const names = ['Jan to Mar', 'Apr to Jun', 'Jul to Sep', 'Oct to Dec'];
  return `${names[Number(quarter.slice(6)) - 1] ?? quarter} ${quarter.slice(0, 4)}`;
}

/** "January 2025 to December 2026" for the quarters 2025-Q1 to 2026-Q4. */
export function quartersSpanText(first: string, last: string): string {
  const months = ['January', 'April', 'July', 'October'];
  const ends = ['March', 'June', 'September', 'December'];
  const index = (quarter: string) => Number(quarter.slice(6)) - 1;
  return `${months[index(first)] ?? ''} ${first.slice(0, 4)} to ${ends[index(last)] ?? ''} ${last.slice(0, 4)}`;
}

/** "Q1 2026", short enough for a chart's axis. */
export function quarterShortText(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}

/** The `count` quarters up to and including today's, oldest first: 8 are the last two years. */
export function lastQuarters(today: string, count = 8): string[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const quarters: string[] = [];
  for (let i = 0; i < count; i += 1) {
    quarters.unshift(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

export interface MoveFacts {
  projectId: string;
  stage: string;
  enteredOn: string;
  evidence: string;
}

export interface StageEntries {
  stage: string;
  label: string;
  /** Projects that entered the stage in each quarter, in the order of `quarters`. */
  counts: number[];
  total: number;
}

/**
 * For each stage, how many moves into it were dated in each quarter. A project that left a stage
 * and came back counts each time it entered. Stages are given in their pipeline order.
 */
export function entriesPerQuarter(
  moves: readonly MoveFacts[],
  stages: readonly { slug: string; name: string }[],
  quarters: readonly string[],
): StageEntries[] {
  return stages.map((stage) => {
    const counts = quarters.map(
      (quarter) =>
        moves.filter((move) => move.stage === stage.slug && quarterOf(move.enteredOn) === quarter)
          .length,
    );
    return {
      stage: stage.slug,
      label: stage.name,
      counts,
      total: counts.reduce((sum, n) => sum + n, 0),
    };
  });
}

export interface RecentMove extends MoveFacts {
  /** The stage it left, or null for its first stage. */
  from: string | null;
}

/**
 * The latest moves, newest first. `histories` holds each project's moves oldest first, as they
 * were recorded, so the stage before each move is the one it left.
 */
export function recentMoves(
  histories: readonly (readonly MoveFacts[])[],
  limit = 20,
): RecentMove[] {
  const all = histories.flatMap((history) =>
    history.map((move, index) => ({ ...move, from: history[index - 1]?.stage ?? null, index })),
  );
  return all
    .sort((a, b) => b.enteredOn.localeCompare(a.enteredOn) || b.index - a.index)
    .slice(0, limit)
    .map(({ index: _index, ...move }) => move);
}
