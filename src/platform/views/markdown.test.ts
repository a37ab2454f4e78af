import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, slugifyHeading } from './markdown.js';

test('raw HTML in content is shown as text, never rendered', () => {
  const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
  assert.doesNotMatch(html, /<script|<img/);
  assert.match(html, /&lt;script&gt;/);
});

test('javascript: links are not turned into links', () => {
  const html = renderMarkdown('[click](javascript:alert(1)) and [home](/)');
  assert.doesNotMatch(html, /href="javascript/);
  assert.match(html, /<a href="\/">home<\/a>/);
});

test('a top-level heading in content becomes a section heading, so the page keeps one h1', () => {
  const html = renderMarkdown('# Title in content\n\ntext');
  assert.doesNotMatch(html, /<h1/);
  assert.match(html, /<h2 id="title-in-content">Title in content<\/h2>/);
});

test('headings get stable ids for links, made unique when repeated', () => {
  const html = renderMarkdown(
    '## A single business process for industry\n\n## Grand challenges\n\n## Grand challenges',
  );
  assert.match(html, /id="a-single-business-process-for-industry"/);
  assert.match(html, /id="grand-challenges"/);
  assert.match(html, /id="grand-challenges-2"/);
});

test('tables and lists take NHS.UK design system classes', () => {
  const html = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n\n1. first');
  assert.match(html, /<table class="nhsuk-table">/);
  assert.match(html, /<th class="nhsuk-table__header">a<\/th>/);
  assert.match(html, /<td class="nhsuk-table__cell">1<\/td>/);
  assert.match(html, /<ul class="nhsuk-list nhsuk-list--bullet">/);
  assert.match(html, /<ol class="nhsuk-list nhsuk-list--number">/);
});

test('slugs drop accents and punctuation', () => {
  assert.equal(slugifyHeading('Café & Co. — 2017-18!'), 'cafe-co-2017-18');
});
