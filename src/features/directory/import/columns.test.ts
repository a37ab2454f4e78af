import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { healthCategories, midlandsPlaces } from '../model.js';
import { importColumns, importKinds } from './columns.js';
import { readCsv } from './csv.js';
import { checkHeader } from './validate.js';

const guide = readFileSync(
  new URL('../../../../docs/directory-import.md', import.meta.url),
  'utf8',
);

/** The text of the guide's section headed `## <title>`, up to the next such heading. */
function section(title: string): string {
  const start = guide.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `the guide has a section ${title}`);
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end === -1 ? undefined : end);
}

const titles = { organisations: 'Organisations', people: 'People', capabilities: 'Capabilities' };

test('the guide documents every column of every kind, marked required or not', () => {
  for (const kind of importKinds) {
    const text = section(titles[kind]);
    const documented = [...text.matchAll(/^\| `([a-z_]+)` +\| (Yes|No) /gm)].map(
      (match) => `${match[1]} ${match[2]}`,
    );
    assert.deepEqual(
      documented,
      importColumns[kind].map((column) => `${column.name} ${column.required ? 'Yes' : 'No'}`),
      kind,
    );
  }
});

test('the guide’s example files pass the header check of their kind', () => {
  for (const kind of importKinds) {
    const example = /```csv\n([\s\S]*?)```/.exec(section(titles[kind]))?.[1];
    assert.ok(example, `${kind} has an example`);
    const read = readCsv(Buffer.from(example));
    assert.ok('table' in read, kind);
    assert.deepEqual(checkHeader(kind, read.table.header).problems, [], kind);
  }
});

test('the guide lists every place and health category', () => {
  for (const item of [...midlandsPlaces, ...healthCategories]) {
    assert.match(guide, new RegExp(`\\| \`${item.slug}\` +\\| ${item.name} +\\|`));
  }
});
