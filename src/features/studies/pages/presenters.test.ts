import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureSite } from '../measures.js';
import type { SiteView, StudyView } from '../service.js';
import { overdueAt } from './handlers/portfolio.js';
import { chanceText } from './handlers/study.js';
import { dayText, filterStudies, ragTag, worstRag } from './presenters.js';

const today = '2026-06-30';

function site(slug: string, dates: Record<string, string>, extra: Partial<SiteView> = {}) {
  const own = new Map(Object.entries(dates));
  return {
    id: `${slug}-id`,
    studyId: 'study',
    organisationId: `${slug}-organisation`,
    organisationSlug: slug,
    organisationName: slug.toUpperCase(),
    principalInvestigator: 'Dr A',
    recruitmentTarget: 100,
    plannedOpen: '2026-03-01',
    plannedClose: '2026-12-31',
    milestones: new Map(),
    measures: measureSite(
      {
        study: new Map([
          ['application-submitted', '2026-01-01'],
          ['hra-rec-approval', '2026-02-15'],
        ]),
        site: own,
        mhraApprovalNeeded: false,
      },
      today,
    ),
    recruited: 0,
    recruitment: [],
    openedOn: own.get('site-open') ?? null,
    ...extra,
  } satisfies SiteView;
}

const study = (reference: string, sites: SiteView[], status: StudyView['status']) =>
  ({ reference, sites, status }) as unknown as StudyView;

test('a RAG tag says what its colour means, and a site not started is grey', () => {
  assert.deepEqual(ragTag('amber'), { text: 'Amber: at risk', colour: 'orange' });
  assert.deepEqual(ragTag(null), { text: 'Not started', colour: 'grey' });
  assert.equal(dayText('2026-03-07'), '7 March 2026');
});

test('a study’s set-up status is its worst site’s', () => {
  const green = site('uhb', { 'site-open': '2026-03-01', 'first-participant': '2026-03-10' });
  const red = site('nuh', {});
  assert.equal(worstRag({ sites: [green] }), 'green');
  assert.equal(worstRag({ sites: [green, red] }), 'red');
  assert.equal(worstRag({ sites: [] }), null);
});

test('the portfolio filters by site, organisation, status and set-up status together', () => {
  const one = study(
    'ONE',
    [site('uhb', { 'site-open': '2026-03-01', 'first-participant': '2026-03-10' })],
    'recruiting',
  );
  const two = study('TWO', [site('nuh', {})], 'set-up');
  const all = [one, two];
  const pick = (filter: Partial<Parameters<typeof filterStudies>[1]>) =>
    filterStudies(all, { site: '', status: '', rag: '', organisationId: '', ...filter }).map(
      (s) => s.reference,
    );
  assert.deepEqual(pick({}), ['ONE', 'TWO']);
  assert.deepEqual(pick({ site: 'nuh' }), ['TWO']);
  assert.deepEqual(pick({ organisationId: 'uhb-organisation' }), ['ONE']);
  assert.deepEqual(pick({ status: 'recruiting' }), ['ONE']);
  assert.deepEqual(pick({ rag: 'red' }), ['TWO']);
  assert.deepEqual(pick({ rag: 'none' }), []);
  assert.deepEqual(pick({ site: 'uhb', rag: 'red' }), []);
});

test('what is overdue at a site: late segments, a missed opening date, recruitment behind plan', () => {
  const notOpen = overdueAt(site('nuh', {}), today);
  assert.deepEqual(notOpen, [
    'Approval to site open: 135 days, 75 days over its 60-day target',
    'The 150-day target to the first participant passed 30 days ago',
    'Planned to open on 1 March 2026, not open yet',
  ]);
  const behind = overdueAt(
    site(
      'uhb',
      { 'site-open': '2026-03-01', 'first-participant': '2026-03-10' },
      { recruited: 10 },
    ),
    today,
  );
  assert.deepEqual(behind, ['Recruitment behind plan: 10 recruited, 39 planned by today']);
});

test('chances are never shown as certain when they are only nearly so', () => {
  assert.equal(chanceText(1), '100%');
  assert.equal(chanceText(0.999), 'more than 99%');
  assert.equal(chanceText(0.004), 'less than 1%');
  assert.equal(chanceText(0), '0%');
  assert.equal(chanceText(0.456), '46%');
});
