import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCsv } from './csv.js';

const read = (text: string | Buffer) => readCsv(Buffer.isBuffer(text) ? text : Buffer.from(text));

test('a byte order mark and Windows line endings are accepted', () => {
  const result = read('\ufeffa,b\r\n1,2\r\n');
  assert.ok('table' in result);
  assert.deepEqual(result.table.header, ['a', 'b']);
  assert.deepEqual(result.table.records, [{ row: 2, values: ['1', '2'] }]);
});

test('blank rows are skipped but counted, so row numbers match the spreadsheet', () => {
  const result = read('a,b\n1,2\n\n,\n3,"multi\nline"\n4,5');
  assert.ok('table' in result);
  assert.deepEqual(
    result.table.records.map((record) => record.row),
    [2, 5, 6],
  );
  assert.deepEqual(result.table.records[1]?.values, ['3', 'multi\nline']);
});

test('a quote that is never closed is reported at the row it opens', () => {
  const result = read('a,b\n1,2\n"3,4\n5,6\n');
  assert.ok('problems' in result);
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0]?.row, 3);
  assert.match(result.problems[0].message, /never closed/);
});

test('a quote in the middle of a value is reported', () => {
  const result = read('a,b\n1,2\n"3"x,4\n');
  assert.ok('problems' in result);
  assert.equal(result.problems[0]?.row, 3);
  assert.match(result.problems[0].message, /is in the wrong place/);
});

test('text that is not UTF-8 is refused, naming the lines', () => {
  const result = read(Buffer.from('a,b\nok,fine\nZo\xeb,1\nbad\xff,2\n', 'latin1'));
  assert.ok('problems' in result);
  assert.match(result.problems[0]?.message ?? '', /not UTF-8 text \(check lines 3, 4\)/);
  const utf16 = read(Buffer.from([0xff, 0xfe, 0x61, 0x00]));
  assert.ok('problems' in utf16);
  assert.match(utf16.problems[0]?.message ?? '', /UTF-16/);
});

test('empty files, files with only a header and files with too many records are refused', () => {
  for (const [text, message] of [
    ['', /empty/],
    ['  \r\n\r\n', /empty/],
    ['\ufeff', /empty/],
    ['a,b\n', /no records/],
    ['a,b\n,\n\n', /no records/],
    [',\n1,2\n', /first row must be the header/],
    [`a\n${'x\n'.repeat(5_001)}`, /5,001 records: import at most 5,000/],
  ] as const) {
    const result = read(text);
    assert.ok('problems' in result, JSON.stringify(text.slice(0, 20)));
    assert.match(result.problems[0]?.message ?? '', message);
  }
  const atLimit = read(`a\n${'x\n'.repeat(5_000)}`);
  assert.ok('table' in atLimit);
});
