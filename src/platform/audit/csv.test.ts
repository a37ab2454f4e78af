import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvField, csvRow } from './csv.js';

test('fields with commas, quotes or line breaks are quoted and quotes doubled', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(null), '');
});

test('values a spreadsheet would run as formulas are defused', () => {
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('@sum'), "'@sum");
});

test('objects become JSON and rows end with CRLF', () => {
  assert.equal(
    csvRow([1, { a: 1 }, new Date('2026-01-02T03:04:05Z')]),
    '1,"{""a"":1}",2026-01-02T03:04:05.000Z\r\n',
  );
});
