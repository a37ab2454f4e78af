import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysBetween, measureSite } from './measures.js';

const dates = (
  study: Record<string, string>,
  site: Record<string, string>,
  mhraApprovalNeeded = false,
) => ({
  study: new Map(Object.entries(study)),
  site: new Map(Object.entries(site)),
  mhraApprovalNeeded,
});

test('days between dates are whole calendar days, across a change of clocks', () => {
  assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
  assert.equal(daysBetween('2026-01-01', '2026-01-01'), 0);
  assert.equal(daysBetween('2025-12-31', '2026-03-01'), 60);
});

test('a site that met 60/60/30 is green in every segment and in total', () => {
  const measures = measureSite(
    dates(
      { 'application-submitted': '2026-01-01', 'hra-rec-approval': '2026-02-20' },
      { 'site-open': '2026-04-10', 'first-participant': '2026-05-01' },
    ),
    '2026-06-01',
  );
  assert.deepEqual(
    measures.segments.map((s) => [s.days, s.rag, s.complete]),
    [
      [50, 'green', true],
      [49, 'green', true],
      [21, 'green', true],
    ],
  );
  assert.deepEqual(measures.total, { days: 120, complete: true, targetDays: 150, rag: 'green' });
  assert.equal(measures.rag, 'green');
  assert.equal(measures.holdingUp, null, 'nothing is awaited once the first participant is in');
});

test('a slow approval is red and a segment in progress turns amber at three quarters', () => {
  const measures = measureSite(
    dates(
      { 'application-submitted': '2026-01-01', 'hra-rec-approval': '2026-03-15' },
      { 'site-selected': '2026-01-10', 'cda-signed': '2026-01-12' },
    ),
    '2026-05-05',
  );
  const [approval, open, first] = measures.segments;
  assert.deepEqual([approval?.days, approval?.rag], [73, 'red']);
  assert.deepEqual([open?.days, open?.rag, open?.complete], [51, 'amber', false]);
  assert.deepEqual([first?.days, first?.rag], [null, null]);
  assert.equal(measures.total.rag, 'amber', '124 of 150 days, still open');
  assert.equal(measures.rag, 'red');
  assert.equal(measures.holdingUp, 'costing-agreed');
});

test('where MHRA approval is needed, approval is the later of the two and both are awaited', () => {
  const waiting = measureSite(
    dates({ 'application-submitted': '2026-01-01', 'hra-rec-approval': '2026-02-01' }, {}, true),
    '2026-02-10',
  );
  assert.equal(waiting.holdingUp, 'mhra-approval');
  assert.equal(waiting.segments[0]?.complete, false);
  const approved = measureSite(
    dates(
      {
        'application-submitted': '2026-01-01',
        'hra-rec-approval': '2026-02-01',
        'mhra-approval': '2026-02-15',
      },
      {},
      true,
    ),
    '2026-02-20',
  );
  assert.equal(approved.segments[0]?.days, 45);
  assert.equal(approved.segments[1]?.days, 5);
});

test('before the application nothing is measured and the application is what is awaited', () => {
  const measures = measureSite(dates({}, {}), '2026-02-20');
  assert.equal(measures.rag, null);
  assert.equal(measures.total.days, null);
  assert.equal(measures.holdingUp, 'application-submitted');
});
