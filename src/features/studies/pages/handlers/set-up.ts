import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf } from '../../../../platform/http/authentication.js';
import { formBody } from '../../../../platform/http/forms.js';
import { paths, pathTo } from '../../../../platform/paths.js';
import { noFormErrors, type FormErrors } from '../../../../platform/views/form-errors.js';
import { healthCategories } from '../../../directory/model.js';
import { trialPhases } from '../../../enquiries/model.js';
import { type MilestoneDefinition, milestoneBySlug, notAfter, studyTypes } from '../../model.js';
import type { Problem, SiteView, StudyView } from '../../service.js';
import {
  type FormValues,
  datePartsOf,
  milestoneAnchors,
  milestoneFields,
  pageErrors,
  readMilestoneForm,
  readSiteForm,
  readStudyForm,
  siteFields,
  studyFields,
} from '../form-fields.js';
import { dayText } from '../presenters.js';
import {
  type StudyPageServices,
  forbidden,
  notFound,
  paramsOf,
  queryOf,
  siteOf,
  studyOf,
  userOf,
} from './common.js';

const views = {
  study: 'studies/pages/views/study-form.njk',
  site: 'studies/pages/views/site-form.njk',
  milestone: 'studies/pages/views/milestone-form.njk',
};

/** Problems the service names by a field not on the form go to the form's first field. */
const onForm = (problems: readonly Problem[], fields: readonly string[]) =>
  problems.map((problem) =>
    fields.includes(problem.name) ? problem : { ...problem, name: fields[0] ?? problem.name },
  );

const radioItems = (list: readonly { slug: string; label: string }[], value: string | undefined) =>
  list.map((item) => ({ value: item.slug, text: item.label, checked: value === item.slug }));

const selectItems = (
  list: readonly { value: string; text: string }[],
  value: string | undefined,
  emptyText: string,
) => [
  { value: '', text: emptyText, selected: !value },
  ...list.map((item) => ({ ...item, selected: value === item.value })),
];

const yesNoItems = (value: string | undefined) => [
  { value: 'yes', text: 'Yes', checked: value === 'yes' },
  { value: 'no', text: 'No', checked: value === 'no' },
];

function studyFormContext(values: FormValues, errors: FormErrors) {
  return {
    values,
    errors,
    isCommercialItems: yesNoItems(values.isCommercial),
    mhraItems: yesNoItems(values.mhraApprovalNeeded),
    studyTypeItems: radioItems(studyTypes, values.studyType),
    phaseItems: selectItems(
      trialPhases.map((phase) => ({ value: phase.slug, text: phase.label })),
      values.phase,
      'Choose the phase',
    ),
    healthCategoryItems: selectItems(
      healthCategories.map((category) => ({ value: category.slug, text: category.name })),
      values.healthCategory,
      'Choose a health category',
    ),
  };
}

/** Who may record a milestone, and where. */
type MilestonePlace =
  | { kind: 'study'; study: StudyView; definition: MilestoneDefinition }
  | { kind: 'site'; study: StudyView; site: SiteView; definition: MilestoneDefinition };

export function setUpHandlers({ service }: StudyPageServices) {
  // ----- A new study -----

  const renderStudyForm = (
    reply: FastifyReply,
    values: FormValues,
    errors: FormErrors = noFormErrors,
    status = 200,
  ) =>
    reply.code(status).render(views.study, {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}Add a study`,
      csrfToken: reply.generateCsrf(),
      formAction: paths.newStudy,
      ...studyFormContext(values, errors),
    });

  // ----- A new site -----

  const renderSiteForm = async (
    reply: FastifyReply,
    study: StudyView,
    values: FormValues,
    errors: FormErrors = noFormErrors,
    status = 200,
  ) => {
    const taken = new Set(study.sites.map((site) => site.organisationSlug));
    const trusts = (await service.partnerTrusts()).filter((trust) => !taken.has(trust.slug));
    return reply.code(status).render(views.site, {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}Add a site to ${study.shortTitle}`,
      csrfToken: reply.generateCsrf(),
      formAction: pathTo.newStudySite(study.reference),
      backHref: pathTo.study(study.reference),
      study,
      values,
      errors,
      organisationItems: selectItems(
        trusts.map((trust) => ({ value: trust.slug, text: trust.name })),
        values.organisation,
        'Choose the partner trust',
      ),
      noTrustsLeft: trusts.length === 0,
    });
  };

  // ----- Milestones -----

  /** The study, site and milestone the address names, or the answer to send instead. */
  const milestonePlace = async (
    request: FastifyRequest,
    reply: FastifyReply,
    level: 'study' | 'site',
  ): Promise<{ place: MilestonePlace } | { refused: FastifyReply }> => {
    const study = await studyOf(service, request);
    if (!study) return { refused: notFound(reply) };
    const definition = milestoneBySlug.get(paramsOf(request).milestone ?? '');
    if (!definition || definition.level !== level) return { refused: notFound(reply) };
    if (definition.slug === 'mhra-approval' && !study.mhraApprovalNeeded) {
      return { refused: notFound(reply) };
    }
    if (level === 'study') return { place: { kind: 'study', study, definition } };
    const site = siteOf(study, request);
    if (!site) return { refused: notFound(reply) };
    if (!service.canUpdateSite(userOf(request), site)) return { refused: forbidden(reply) };
    return { place: { kind: 'site', study, site, definition } };
  };

  /** The other dates this one must keep its order with, as the form explains them. */
  const orderRules = (place: MilestonePlace) => {
    const dateOf = (slug: string) => {
      const other = milestoneBySlug.get(slug);
      if (!other) return undefined;
      if (other.level === 'study') return place.study.studyMilestones.get(slug)?.achievedOn;
      return place.kind === 'site' ? place.site.milestones.get(slug)?.achievedOn : undefined;
    };
    const describe = (slug: string) => {
      const date = dateOf(slug);
      return `${milestoneBySlug.get(slug)?.label ?? slug} (${date ? dayText(date) : 'not recorded yet'})`;
    };
    const relevant = (slug: string) => slug !== 'mhra-approval' || place.study.mhraApprovalNeeded;
    const later = notAfter(place.definition.slug).filter(relevant);
    return {
      notBefore: place.definition.notBefore.filter(relevant).map(describe),
      // A study-level date is checked against every site; the form lists the milestones only.
      notAfter:
        place.kind === 'site' || place.definition.level === 'site'
          ? later.map(describe)
          : later.map((slug) => milestoneBySlug.get(slug)?.label ?? slug),
    };
  };

  const renderMilestoneForm = (
    reply: FastifyReply,
    place: MilestonePlace,
    values: FormValues,
    errors: FormErrors = noFormErrors,
    status = 200,
  ) => {
    const { study, definition } = place;
    const record =
      place.kind === 'site'
        ? place.site.milestones.get(definition.slug)
        : study.studyMilestones.get(definition.slug);
    const where = place.kind === 'site' ? place.site.organisationName : 'Whole study';
    return reply.code(status).render(views.milestone, {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}${definition.label} – ${study.reference}`,
      csrfToken: reply.generateCsrf(),
      formAction:
        place.kind === 'site'
          ? pathTo.studySiteMilestone(study.reference, place.site.organisationSlug, definition.slug)
          : pathTo.studyMilestone(study.reference, definition.slug),
      backHref:
        place.kind === 'site'
          ? `${pathTo.study(study.reference)}#site-${place.site.organisationSlug}`
          : pathTo.study(study.reference),
      caption: `${study.reference} ${study.shortTitle}: ${where}`,
      definition,
      record: record
        ? { date: dayText(record.achievedOn), by: record.recordedBy, evidence: record.evidence }
        : null,
      rules: orderRules(place),
      today: dayText(service.today()),
      values,
      errors,
    });
  };

  return {
    newStudy: async (request: FastifyRequest, reply: FastifyReply) => {
      const enquiry = queryOf(request).enquiry;
      // A front-door reference to start from; the service checks it was won when saving.
      const values: FormValues =
        typeof enquiry === 'string' && /^MHA-\d{4}-\d{5,}$/.test(enquiry)
          ? { enquiryReference: enquiry }
          : {};
      return renderStudyForm(reply, values);
    },

    createStudy: async (request: FastifyRequest, reply: FastifyReply) => {
      const reading = readStudyForm(formBody(request));
      if (!reading.ok) return renderStudyForm(reply, reading.values, reading.errors, 422);
      const outcome = await service.create(auditContextOf(request), userOf(request), reading.input);
      if (!outcome.ok) {
        if (outcome.status === 403) return forbidden(reply);
        return renderStudyForm(
          reply,
          reading.values,
          pageErrors(onForm(outcome.problems, studyFields), studyFields, {
            plannedStart: 'plannedStartDay',
            plannedEnd: 'plannedEndDay',
          }),
          outcome.status,
        );
      }
      return reply.redirect(`${pathTo.study(outcome.value.reference)}?done=created`, 303);
    },

    newSite: async (request: FastifyRequest, reply: FastifyReply) => {
      const study = await studyOf(service, request);
      if (!study) return notFound(reply);
      return renderSiteForm(reply, study, {
        ...datePartsOf('plannedOpen', study.plannedStart),
        ...datePartsOf('plannedClose', study.plannedEnd),
      });
    },

    addSite: async (request: FastifyRequest, reply: FastifyReply) => {
      const study = await studyOf(service, request);
      if (!study) return notFound(reply);
      const reading = readSiteForm(formBody(request));
      if (!reading.ok) return renderSiteForm(reply, study, reading.values, reading.errors, 422);
      const outcome = await service.addSite(
        auditContextOf(request),
        userOf(request),
        study.id,
        reading.input,
      );
      if (!outcome.ok) {
        if (outcome.status === 403) return forbidden(reply);
        if (outcome.status === 404) return notFound(reply);
        return renderSiteForm(
          reply,
          study,
          reading.values,
          pageErrors(onForm(outcome.problems, siteFields), siteFields, {
            plannedOpen: 'plannedOpenDay',
            plannedClose: 'plannedCloseDay',
          }),
          outcome.status,
        );
      }
      const site = encodeURIComponent(reading.input.organisation);
      return reply.redirect(`${pathTo.study(study.reference)}?done=site-added&site=${site}`, 303);
    },

    milestoneForm:
      (level: 'study' | 'site') => async (request: FastifyRequest, reply: FastifyReply) => {
        const found = await milestonePlace(request, reply, level);
        if ('refused' in found) return found.refused;
        const { place } = found;
        const record =
          place.kind === 'site'
            ? place.site.milestones.get(place.definition.slug)
            : place.study.studyMilestones.get(place.definition.slug);
        return renderMilestoneForm(reply, place, {
          ...datePartsOf('achievedOn', record?.achievedOn),
          evidence: record?.evidence ?? '',
        });
      },

    recordMilestone:
      (level: 'study' | 'site') => async (request: FastifyRequest, reply: FastifyReply) => {
        const found = await milestonePlace(request, reply, level);
        if ('refused' in found) return found.refused;
        const { place } = found;
        const reading = readMilestoneForm(formBody(request));
        if (!reading.ok) {
          return renderMilestoneForm(reply, place, reading.values, reading.errors, 422);
        }
        const outcome = await service.recordMilestone(
          auditContextOf(request),
          userOf(request),
          place.study.id,
          place.kind === 'site' ? place.site.id : null,
          place.definition.slug,
          reading.input,
        );
        if (!outcome.ok) {
          if (outcome.status === 403) return forbidden(reply);
          if (outcome.status === 404) return notFound(reply);
          return renderMilestoneForm(
            reply,
            place,
            reading.values,
            pageErrors(
              onForm(outcome.problems, milestoneFields),
              milestoneFields,
              milestoneAnchors,
            ),
            422,
          );
        }
        const site = place.kind === 'site' ? `&site=${place.site.organisationSlug}` : '';
        return reply.redirect(
          `${pathTo.study(place.study.reference)}?done=milestone&milestone=${place.definition.slug}${site}`,
          303,
        );
      },
  };
}
