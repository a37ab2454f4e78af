import type { FastifyReply, FastifyRequest } from 'fastify';
import { paths } from '../../platform/paths.js';
import { PageNotFoundError, type PublicSite } from './service.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/** Shows the 404 page when seeded content is missing rather than failing with a 500. */
function orNotFound(handler: Handler): Handler {
  return async (request, reply) => {
    try {
      return await handler(request, reply);
    } catch (error) {
      if (error instanceof PageNotFoundError) {
        reply.callNotFound();
        return reply;
      }
      throw error;
    }
  };
}

const programmesBreadcrumbs = [
  { text: 'Home', href: paths.home },
  { text: 'Flagship programmes', href: paths.programmes },
];

export function publicSiteHandlers(site: PublicSite) {
  return {
    home: orNotFound(async (_request, reply) => {
      const { page, facts, programmes } = await site.homePage();
      return reply.render('public-site/views/home.njk', { page, facts, programmes });
    }),

    contentPage: (slug: string, template = 'public-site/views/content-page.njk') =>
      orNotFound(async (_request, reply) => {
        const page = await site.page(slug);
        return reply.render(template, {
          page,
          breadcrumbs: [{ text: 'Home', href: paths.home }],
        });
      }),

    programmes: orNotFound(async (_request, reply) => {
      const { page, programmes } = await site.programmesPage();
      return reply.render('public-site/views/programmes.njk', {
        page,
        programmes,
        breadcrumbs: [{ text: 'Home', href: paths.home }],
      });
    }),

    programme: (slug: string) =>
      orNotFound(async (_request, reply) => {
        const page = await site.page(slug);
        return reply.render('public-site/views/content-page.njk', {
          page,
          breadcrumbs: programmesBreadcrumbs,
        });
      }),

    partners: orNotFound(async (_request, reply) => {
      const { page, groups } = await site.partnersPage();
      return reply.render('public-site/views/partners.njk', {
        page,
        groups,
        breadcrumbs: [{ text: 'Home', href: paths.home }],
      });
    }),

    midlands: orNotFound(async (_request, reply) => {
      const view = await site.midlandsPage();
      return reply.render('public-site/views/midlands.njk', {
        ...view,
        breadcrumbs: [{ text: 'Home', href: paths.home }],
      });
    }),
  };
}
