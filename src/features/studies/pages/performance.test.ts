import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { measureSite } from '../measures.js';
import {
  median,
  performanceCsv,
  portfolioFigures,
  type PortfolioSite,
  type PortfolioStudy,
} from './performance.js';
import { addDays } from './series.js';

const today = '2026-06-30';
const applied = '2026-01-01';
const at = (days: number) => addDays(applied, days);

/** A site whose approval came 50 days after the application, with the other dates given. */
function site(
  slug: string,
  dates: { open?: number; first?: number },
  plan: { target: number; openAfter: number; closeAfter: number },
  recruitment: { recruitedOn: string; participants: number }[] = [],
): PortfolioSite {
  const siteDates = new Map<string, string>();
  if (dates.open !== undefined) siteDates.set('site-open', at(dates.open));
  if (dates.first !== undefined) siteDates.set('first-participant', at(dates.first));
  return {
    organisationSlug: slug,
    organisationName: `${slug.toUpperCase()} NHS Trust`,
    recruitmentTarget: plan.target,
    plannedOpen: at(plan.openAfter),
    plannedClose: at(plan.closeAfter),
    recruitment,
    measures: measureSite(
      {
        study: new Map([
          ['application-submitted', applied],
          ['hra-rec-approval', at(50)],
        ]),
        site: siteDates,
        mhraApprovalNeeded: false,
      },
      today,
    ),
  };
}

const study = (
  reference: string,
  sites: PortfolioSite[],
  extra: Partial<PortfolioStudy> = {},
): PortfolioStudy => ({
  reference,
  shortTitle: `Study ${reference}`,
  status: 'recruiting',
  recruitmentTarget: 100,
  recruited: sites.reduce(
    (sum, s) => sum + s.recruitment.reduce((total, day) => total + day.participants, 0),
    0,
  ),
  sites,
  ...extra,
});

const plan = { target: 50, openAfter: 100, closeAfter: 199 };

test('the median is the lower middle value, and nothing for no values', () => {
  assert.equal(median([]), null);
  assert.equal(median([7]), 7);
  assert.equal(median([9, 1, 5, 3]), 3);
  assert.equal(median([4, 1, 9]), 4);
});

test('median days per segment count only the sites that completed it, per trust and overall', () => {
  const figures = portfolioFigures(
    [
      study('A', [site('uhb', { open: 100, first: 120 }, plan), site('nuh', { open: 130 }, plan)]),
      study('B', [site('uhb', { open: 140, first: 150 }, plan), site('uhl', {}, plan)]),
    ],
    today,
  );
  const uhb = figures.segments.trusts.find((trust) => trust.slug === 'uhb');
  assert.deepEqual(uhb?.segments['to-approval'], { n: 2, median: 50 });
  assert.deepEqual(uhb.segments['to-open'], { n: 2, median: 50 }, '50 and 90 days: the lower');
  assert.deepEqual(uhb.segments['to-first-participant'], { n: 2, median: 10 });
  const uhl = figures.segments.trusts.find((trust) => trust.slug === 'uhl');
  assert.deepEqual(uhl?.segments['to-open'], { n: 0, median: null }, 'not open yet');
  assert.deepEqual(figures.segments.all.segments['to-open'], { n: 3, median: 80 });
  assert.deepEqual(
    figures.segments.trusts.map((trust) => trust.name),
    ['NUH NHS Trust', 'UHB NHS Trust', 'UHL NHS Trust'],
  );
  assert.equal(figures.sites, 4);
});

test('within 150 days: the share of the sites with a first participant', () => {
  const figures = portfolioFigures(
    [
      study('A', [
        site('uhb', { open: 100, first: 120 }, plan),
        site('nuh', { open: 130, first: 170 }, plan),
        site('uhl', { open: 140 }, plan),
      ]),
    ],
    today,
  );
  assert.deepEqual(figures.within150.all.within, { count: 1, total: 2, share: 0.5 });
  assert.deepEqual(figures.within150.all.totalDays, { n: 2, median: 120 });
  const uhl = figures.within150.trusts.find((trust) => trust.slug === 'uhl');
  assert.deepEqual(uhl?.within, { count: 0, total: 0, share: null });
});

test('recruitment to time and target: planned by today, and on track when at least that many', () => {
  // Planned over days 100 to 199 (100 days), 50 a site: by today (day 180) 40.5 each.
  const ahead = site('uhb', { open: 100, first: 101 }, plan, [
    { recruitedOn: at(101), participants: 45 },
  ]);
  const behind = site('nuh', { open: 100, first: 101 }, plan, [
    { recruitedOn: at(101), participants: 10 },
  ]);
  const later = { target: 50, openAfter: 300, closeAfter: 400 };
  const figures = portfolioFigures(
    [
      study('A', [ahead]),
      study('B', [behind]),
      study('C', [site('uhl', {}, later)]),
      study('D', [site('uhcw', { open: 100, first: 101 }, plan)], { status: 'closed' }),
    ],
    today,
  );
  const [a, b, c, d] = figures.recruitment.studies;
  assert.equal(a?.plannedToDate, 40);
  assert.equal(a.onTrack, true);
  assert.deepEqual(a.ofTarget, { count: 45, total: 100, share: 0.45 });
  assert.equal(b?.onTrack, false);
  assert.equal(b.ofPlan.share, 10 / 40);
  assert.equal(c?.plannedToDate, 0);
  assert.equal(c.onTrack, null, 'nothing planned yet');
  assert.equal(d?.onTrack, null, 'closed');
  assert.deepEqual(figures.recruitment.onTrack, { count: 1, total: 2, share: 0.5 });
});

test('the CSV has one row per number, each figure alone or all together', () => {
  const figures = portfolioFigures(
    [study('A', [site('uhb', { open: 100, first: 120 }, plan)])],
    today,
  );
  const all: Record<string, string>[] = parse(performanceCsv(figures), { columns: true });
  assert.deepEqual(Object.keys(all[0] ?? {}), ['figure', 'group', 'measure', 'value']);
  assert.deepEqual(
    [...new Set(all.map((row) => row.figure))],
    ['set-up-segments', 'within-150-days', 'recruitment'],
  );
  const within: Record<string, string>[] = parse(performanceCsv(figures, ['within-150-days']), {
    columns: true,
  });
  assert.deepEqual(
    within
      .filter((row) => row.group === 'All partner trusts')
      .map((row) => [row.measure, row.value]),
    [
      ['sites_with_first_participant', '1'],
      ['sites_within_150_days', '1'],
      ['share_within_150_days', '1.0000'],
      ['median_total_days', '120'],
    ],
  );
});
