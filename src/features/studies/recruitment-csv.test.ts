import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRecruitmentCsv } from './recruitment-csv.js';

test('a recruitment CSV is read whatever the order and case of its columns', () => {
  const read = readRecruitmentCsv(
    '\uFEFFDate,Participants,Site\n2026-03-02,3,uhb\n\n2026-03-03,0,nuh\n',
  );
  assert.deepEqual(read, {
    ok: true,
    rows: [
      { site: 'uhb', date: '2026-03-02', participants: 3 },
      { site: 'nuh', date: '2026-03-03', participants: 0 },
    ],
    rowNumbers: [2, 4],
  });
});

test('every bad row is reported with its spreadsheet row number', () => {
  const read = readRecruitmentCsv(
    'site,date,participants\nuhb,2026-02-30,1\nuhb,2026-03-01,-2\nuhb,2026-03-01,two\n,2026-03-01,1\n',
  );
  assert.ok(!read.ok);
  assert.deepEqual(
    read.problems.map((p) => [p.row, p.message]),
    [
      [2, 'date: The date must be a real date'],
      [3, 'participants: Participants cannot be negative'],
      [4, 'participants: Participants must be a whole number'],
      [5, 'site: Name the site'],
    ],
  );
});

test('a file without the columns, empty or broken is refused as a whole', () => {
  const noColumns = readRecruitmentCsv('trust,day,n\nuhb,2026-03-01,1\n');
  assert.equal(noColumns.ok, false);
  assert.match(JSON.stringify(noColumns), /missing: site, date, participants/);
  assert.match(JSON.stringify(readRecruitmentCsv('')), /The file is empty/);
  assert.match(JSON.stringify(readRecruitmentCsv('site,date,participants\n')), /no rows/);
  assert.match(
    JSON.stringify(readRecruitmentCsv('site,date,participants\n"uhb,2026-03-01,1\n')),
    /not valid CSV/,
  );
});
