import { paths } from '../../platform/paths.js';
import { PageNotFoundError, type PublicSite } from './service.js';
import { notFoundOn } from '../../platform/http/not-found.js';

const orNotFound = notFoundOn((error) => error instanceof PageNotFoundError);

const homeBreadcrumbs = [{ text: 'Home', href: paths.home }];
const programmesBreadcrumbs = [
  ...homeBreadcrumbs,
  { text: 'Flagship programmes', href: paths.programmes },
];

/** Every public page is the same for every visitor, so each is served through the page cache. */
export function publicSiteHandlers(site: PublicSite) {
  return {
    home: orNotFound((_request, reply) =>
      reply.renderPublic('public-site/views/home.njk', () => site.homePage()),
    ),

    contentPage: (slug: string) =>
      orNotFound((_request, reply) =>
        reply.renderPublic('public-site/views/content-page.njk', async () => ({
          page: await site.page(slug),
          breadcrumbs: homeBreadcrumbs,
        })),
      ),

    programmes: orNotFound((_request, reply) =>
      reply.renderPublic('public-site/views/programmes.njk', async () => ({
        ...(await site.programmesPage()),
        breadcrumbs: homeBreadcrumbs,
      })),
    ),

    programme: (slug: string) =>
      orNotFound((_request, reply) =>
        reply.renderPublic('public-site/views/content-page.njk', async () => ({
          page: await site.page(slug),
          breadcrumbs: programmesBreadcrumbs,
        })),
      ),

    partners: orNotFound((_request, reply) =>
      reply.renderPublic('public-site/views/partners.njk', async () => ({
        ...(await site.partnersPage()),
        breadcrumbs: homeBreadcrumbs,
      })),
    ),

    midlands: orNotFound((_request, reply) =>
      reply.renderPublic('public-site/views/midlands.njk', async () => ({
        ...(await site.midlandsPage()),
        breadcrumbs: homeBreadcrumbs,
      })),
    ),
  };
}
