import type { FastifyReply, FastifyRequest } from 'fastify';
import { paths, pathTo } from '../../platform/paths.js';
import { formErrorsFrom, noFormErrors } from '../../platform/views/form-errors.js';
import {
  capabilityTypeLabel,
  healthCategoryName,
  organisationTypeLabel,
  placeName,
  type HealthCategory,
} from './model.js';
import { capabilitySearchParameters, recordId, type CapabilitySearchParameters } from './schema.js';
import type { DirectorySearch, FacetValue } from './service.js';

const homeBreadcrumbs = [{ text: 'Home', href: paths.home }];
const directoryBreadcrumbs = [
  ...homeBreadcrumbs,
  { text: 'Find research capability', href: paths.capabilities },
];
const searchFields = [
  'q',
  'type',
  'category',
  'organisation',
  'location',
  'sort',
  'page',
  'pageSize',
];

/** The query string of a search, with some parameters changed; the same search in the API. */
export function searchQueryString(
  parameters: CapabilitySearchParameters,
  changes: Partial<Record<'page', number>> = {},
): string {
  const query = new URLSearchParams();
  if (parameters.q) query.set('q', parameters.q);
  for (const value of parameters.type) query.append('type', value);
  for (const value of parameters.category) query.append('category', value);
  for (const value of parameters.organisation) query.append('organisation', value);
  for (const value of parameters.location) query.append('location', value);
  if (parameters.sort) query.set('sort', parameters.sort);
  const page = changes.page ?? parameters.page;
  if (page !== 1) query.set('page', String(page));
  if (parameters.pageSize !== 20) query.set('pageSize', String(parameters.pageSize));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Page numbers to offer: the first, the last, and the current one with its neighbours. */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const wanted = [...new Set([1, current - 1, current, current + 1, last])]
    .filter((page) => page >= 1 && page <= last)
    .sort((a, b) => a - b);
  return wanted.flatMap((page, index) => {
    const before = wanted[index - 1];
    return before !== undefined && page - before > 1 ? [null, page] : [page];
  });
}

const checkboxItems = (values: FacetValue[]) =>
  values.map((value) => ({
    value: value.value,
    text: `${value.label} (${value.count.toLocaleString('en-GB')})`,
    checked: value.selected,
  }));

const labels = {
  type: (slug: string) => capabilityTypeLabel(slug),
  category: (slug: string) => healthCategoryName(slug),
  place: (slug: string) => placeName(slug),
  organisationType: (slug: string) => organisationTypeLabel(slug),
};

/** The public face of the directory: search, and one page per capability, person and organisation. */
export function directoryPublicHandlers(search: DirectorySearch) {
  return {
    searchPage: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = capabilitySearchParameters.safeParse(request.query);
      if (!parsed.success) {
        const raw = request.query as Record<string, unknown>;
        return reply.code(400).render('directory/views/search.njk', {
          pageTitle: 'Error: Find research capability',
          breadcrumbs: homeBreadcrumbs,
          errors: formErrorsFrom(parsed.error, searchFields),
          q: typeof raw.q === 'string' ? raw.q.slice(0, 200) : '',
          result: null,
        });
      }
      const parameters = parsed.data;
      const result = await search.searchCapabilities(parameters);
      const lastPage = Math.max(1, Math.ceil(result.total / result.pageSize));
      const filtersChosen =
        parameters.type.length +
        parameters.category.length +
        parameters.organisation.length +
        parameters.location.length;
      return reply.render('directory/views/search.njk', {
        pageTitle: parameters.q
          ? `${parameters.q} – Find research capability`
          : 'Find research capability',
        metaDescription:
          'Search the research expertise, facilities, services and data of the Midlands Health Alliance partners.',
        breadcrumbs: homeBreadcrumbs,
        errors: noFormErrors,
        q: parameters.q,
        sort: parameters.sort ?? (parameters.q ? 'relevance' : 'title'),
        result,
        filtersChosen,
        facets: {
          type: checkboxItems(result.facets.type),
          category: checkboxItems(result.facets.category),
          organisation: checkboxItems(result.facets.organisation),
          location: checkboxItems(result.facets.location),
        },
        items: result.items.map((item) => ({
          ...item,
          href: pathTo.capability(item.id),
          typeLabel: labels.type(item.type),
          placeName: labels.place(item.place),
          categoryNames: item.categories.map(labels.category),
        })),
        firstShown: result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1,
        lastShown: Math.min(result.total, result.page * result.pageSize),
        lastPage,
        pageLinks: pageNumbers(result.page, lastPage).map((number) =>
          number === null
            ? { ellipsis: true }
            : {
                number,
                href: `${paths.capabilities}${searchQueryString(parameters, { page: number })}`,
                current: number === result.page,
              },
        ),
        previousHref:
          result.page > 1
            ? `${paths.capabilities}${searchQueryString(parameters, { page: Math.min(result.page - 1, lastPage) })}`
            : null,
        nextHref:
          result.page < lastPage
            ? `${paths.capabilities}${searchQueryString(parameters, { page: result.page + 1 })}`
            : null,
        csvHref: `${paths.apiCapabilitiesCsv}${searchQueryString({ ...parameters, page: 1, pageSize: 100 })}`,
        clearHref: `${paths.capabilities}${parameters.q ? `?q=${encodeURIComponent(parameters.q)}` : ''}`,
      });
    },

    capabilityPage: async (request: FastifyRequest, reply: FastifyReply) => {
      const id = recordId.safeParse(request.params);
      const capability = id.success ? await search.publishedCapability(id.data.id) : null;
      if (!capability) return reply.callNotFound();
      return reply.render('directory/views/capability.njk', {
        pageTitle: capability.title,
        metaDescription: capability.summary,
        breadcrumbs: directoryBreadcrumbs,
        capability,
        typeLabel: labels.type(capability.type),
        placeName: labels.place(capability.place),
        categoryNames: capability.categories.map((slug: HealthCategory) => labels.category(slug)),
        enquireHref: pathTo.enquireAbout(capability.id),
        organisationHref: pathTo.organisation(capability.organisation.slug),
        people: capability.people.map((person) => ({ ...person, href: pathTo.person(person.id) })),
      });
    },

    personPage: async (request: FastifyRequest, reply: FastifyReply) => {
      const id = recordId.safeParse(request.params);
      const found = id.success ? await search.publishedPerson(id.data.id) : null;
      if (!found) return reply.callNotFound();
      const { person, capabilities } = found;
      return reply.render('directory/views/person.njk', {
        pageTitle: person.fullName,
        metaDescription: `${person.fullName}, ${person.jobTitle}, ${person.organisation.name}`,
        breadcrumbs: directoryBreadcrumbs,
        person,
        organisationHref: pathTo.organisation(person.organisation.slug),
        capabilities: capabilities.map((capability) => ({
          ...capability,
          href: pathTo.capability(capability.id),
          typeLabel: labels.type(capability.type),
        })),
        enquireHref: capabilities[0] ? pathTo.enquireAbout(capabilities[0].id) : paths.newEnquiry,
      });
    },

    organisationPage: async (request: FastifyRequest, reply: FastifyReply) => {
      const { slug } = request.params as { slug: string };
      const found = /^[a-z0-9-]{1,80}$/.test(slug)
        ? await search.publishedOrganisation(slug)
        : null;
      if (!found) return reply.callNotFound();
      const { organisation, capabilities, people } = found;
      return reply.render('directory/views/organisation.njk', {
        pageTitle: organisation.name,
        metaDescription: organisation.summary,
        breadcrumbs: directoryBreadcrumbs,
        organisation,
        typeLabel: labels.organisationType(organisation.type),
        searchHref: `${paths.capabilities}?organisation=${organisation.slug}`,
        capabilities: {
          ...capabilities,
          items: capabilities.items.map((capability) => ({
            ...capability,
            href: pathTo.capability(capability.id),
            typeLabel: labels.type(capability.type),
            placeName: labels.place(capability.place),
          })),
        },
        people: {
          ...people,
          items: people.items.map((person) => ({ ...person, href: pathTo.person(person.id) })),
        },
        enquireHref: paths.newEnquiry,
      });
    },
  };
}
