import MarkdownIt from 'markdown-it';

/** Turns heading text into the id used for links such as /about#a-single-business-process. */
export function slugifyHeading(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const nhsClassesByToken: Record<string, string> = {
  table_open: 'nhsuk-table',
  thead_open: 'nhsuk-table__head',
  tbody_open: 'nhsuk-table__body',
  tr_open: 'nhsuk-table__row',
  th_open: 'nhsuk-table__header',
  td_open: 'nhsuk-table__cell',
  bullet_list_open: 'nhsuk-list nhsuk-list--bullet',
  ordered_list_open: 'nhsuk-list nhsuk-list--number',
};

// Raw HTML in content is shown as text, never rendered, so staff-edited markdown cannot inject
// markup or scripts; markdown-it also refuses javascript: and data: links by default.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

markdown.core.ruler.push('nhsuk_presentation', (state) => {
  const usedIds = new Set<string>();
  state.tokens.forEach((token, index) => {
    const nhsClass = nhsClassesByToken[token.type];
    if (nhsClass) token.attrJoin('class', nhsClass);
    if (token.type === 'heading_open') {
      // The page title is the only h1; a "#" heading in content becomes a section heading.
      if (token.tag === 'h1') {
        token.tag = 'h2';
        const close = state.tokens.slice(index).find((t) => t.type === 'heading_close');
        if (close) close.tag = 'h2';
      }
      const inline = state.tokens[index + 1];
      const base = slugifyHeading(inline?.content ?? '') || 'section';
      let id = base;
      for (let suffix = 2; usedIds.has(id); suffix += 1) id = `${base}-${suffix}`;
      usedIds.add(id);
      token.attrSet('id', id);
    }
  });
});

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
