import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf } from '../../platform/http/authentication.js';
import { pathTo } from '../../platform/paths.js';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../platform/views/form-errors.js';
import type { SitePage } from '../public-site/types.js';
import { pageForm, pageFormFields } from './schema.js';
import { ContentNotFoundError, type ContentEditor } from './service.js';
import { formBody } from '../../platform/http/forms.js';
import { notFoundOn } from '../../platform/http/not-found.js';

const orNotFound = notFoundOn((error) => error instanceof ContentNotFoundError);

function slugOf(request: FastifyRequest): string {
  return (request.params as Record<string, string | undefined>)['*'] ?? '';
}

function idOf(request: FastifyRequest): string {
  return (request.params as Record<string, string | undefined>).id ?? '';
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const notices: Record<string, string> = {
  saved: 'Your draft has been saved. It is not public until you publish it.',
  published: 'The page has been published.',
  restored: 'The older version is now the draft. Check it, then publish it to make it public.',
};

export function siteContentHandlers(editor: ContentEditor) {
  const renderEditor = async (
    reply: FastifyReply,
    slug: string,
    options: {
      values?: Record<string, string>;
      errors?: FormErrors;
      preview?: SitePage;
      status?: number;
      notice?: string;
    },
  ) => {
    const state = await editor.editorState(slug);
    const start = state.draft ?? state.published;
    const values = options.values ?? {
      title: start.title,
      summary: start.summary,
      bodyMarkdown: start.bodyMarkdown,
      calloutHeading: start.calloutHeading ?? '',
      calloutMarkdown: start.calloutMarkdown ?? '',
    };
    return reply.code(options.status ?? 200).render('site-content/views/edit.njk', {
      slug,
      state,
      values,
      errors: options.errors ?? noFormErrors,
      preview: options.preview,
      notice: options.notice,
      historyPath: pathTo.pageHistory(slug),
      formAction: pathTo.editPage(slug),
      csrfToken: reply.generateCsrf(),
    });
  };

  return {
    listPages: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.render('site-content/views/pages.njk', {
        pages: await editor.pages(),
        pathTo,
      }),

    showEditor: orNotFound(async (request, reply) => {
      const notice = notices[asText((request.query as Record<string, unknown>).done)];
      return renderEditor(reply, slugOf(request), notice ? { notice } : {});
    }),

    submitEditor: orNotFound(async (request, reply) => {
      const slug = slugOf(request);
      const body = formBody(request);
      const values = Object.fromEntries(
        ['title', 'summary', 'bodyMarkdown', 'calloutHeading', 'calloutMarkdown'].map((field) => [
          field,
          asText(body[field]),
        ]),
      );
      const parsed = pageForm.safeParse(body);
      if (!parsed.success) {
        return renderEditor(reply, slug, {
          values,
          errors: formErrorsFrom(parsed.error, pageFormFields),
          status: 422,
        });
      }
      const { action, ...content } = parsed.data;
      const page: SitePage = { slug, ...content };
      if (action === 'preview') return renderEditor(reply, slug, { values, preview: page });
      const context = auditContextOf(request);
      if (action === 'save') {
        await editor.saveDraft(page, context);
        return reply.redirect(`${pathTo.editPage(slug)}?done=saved`, 303);
      }
      await editor.publish(page, context);
      return reply.redirect(`${pathTo.editPage(slug)}?done=published`, 303);
    }),

    history: orNotFound(async (request, reply) => {
      const slug = slugOf(request);
      const { published, revisions } = await editor.history(slug);
      return reply.render('site-content/views/history.njk', {
        slug,
        published,
        revisions,
        pathTo,
        csrfToken: reply.generateCsrf(),
      });
    }),

    revision: orNotFound(async (request, reply) => {
      const revision = await editor.revision(idOf(request));
      return reply.render('site-content/views/revision.njk', {
        revision,
        pathTo,
        csrfToken: reply.generateCsrf(),
      });
    }),

    restore: orNotFound(async (request, reply) => {
      const draft = await editor.restore(idOf(request), auditContextOf(request));
      return reply.redirect(`${pathTo.editPage(draft.slug)}?done=restored`, 303);
    }),
  };
}
