import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf } from '../../platform/http/authentication.js';
import { formBody } from '../../platform/http/forms.js';
import { paths, pathTo } from '../../platform/paths.js';
import {
  formErrorsFor,
  formErrorsFrom,
  noFormErrors,
  type FormErrors,
} from '../../platform/views/form-errors.js';
import { healthCategories, healthCategoryName } from '../directory/model.js';
import { londonDay, londonDayWithWeekday } from './dates.js';
import {
  enquiryStages,
  enquiryTypeLabel,
  enquiryTypes,
  firstResponseWorkingDays,
  stageLabel,
  trialPhases,
  type EnquiryStage,
} from './model.js';
import { enquiryFields, enquiryForm, limits } from './schema.js';
import type { CapabilityAskedAbout, EnquiryService, EnquiryStatus } from './service.js';
import { canonicalJson, isToken, newToken, sha256Hex } from './tokens.js';

const homeBreadcrumbs = [{ text: 'Home', href: paths.home }];

/** Headers for pages whose address is a secret: never cached, never passed on as a referrer. */
export function privatePage(reply: FastifyReply): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex, nofollow');
}

type FormValues = Partial<Record<(typeof enquiryFields)[number], string>>;

/** What was typed, as typed (within reason), to show again beside the errors. */
function typedValues(body: Record<string, unknown>): FormValues {
  return Object.fromEntries(
    enquiryFields.map((field) => {
      const value = body[field];
      return [field, typeof value === 'string' ? value.slice(0, 20_000) : ''];
    }),
  );
}

function formContext(
  values: FormValues,
  errors: FormErrors,
  capability: CapabilityAskedAbout | null,
  formToken: string,
  csrfToken: string,
) {
  return {
    pageTitle: `${errors.summary.length ? 'Error: ' : ''}Make an enquiry`,
    metaDescription:
      'Tell the Midlands Health Alliance about your study once: we find the partner sites and people who can help and reply within 3 working days.',
    breadcrumbs: homeBreadcrumbs,
    values,
    errors,
    capability,
    capabilityHref: capability ? pathTo.capability(capability.id) : null,
    formToken,
    csrfToken,
    limits,
    enquiryTypeItems: enquiryTypes.map((type) => ({
      value: type.slug,
      text: type.label,
      checked: values.enquiryType === type.slug,
    })),
    healthCategoryItems: [
      { value: '', text: 'Choose a category', selected: !values.healthCategory },
      ...healthCategories.map((category) => ({
        value: category.slug,
        text: category.name,
        selected: values.healthCategory === category.slug,
      })),
    ],
    phaseItems: trialPhases.map((phase) => ({
      value: phase.slug,
      text: phase.label,
      checked: values.phase === phase.slug,
    })),
    consentChecked: values.consentToContact === 'yes',
  };
}

type StepState = 'done' | 'current' | 'not-started';

/** The stages for the enquirer's timeline, with when each was (last) reached. */
export function stageSteps({ enquiry, stageEvents }: EnquiryStatus) {
  const reachedAt = new Map<EnquiryStage, Date>();
  for (const event of stageEvents)
    if (event.toStage) reachedAt.set(event.toStage, event.occurredAt);
  const order = enquiryStages.map((stage) => stage.slug);
  const current = order.indexOf(enquiry.stage);
  const closed = enquiry.stage === 'closed';
  // A closed enquiry shows the stages it went through; an open one, every stage to come.
  return enquiryStages
    .filter((stage) =>
      closed ? reachedAt.has(stage.slug) || stage.slug === 'closed' : stage.slug !== 'closed',
    )
    .map((stage) => {
      const index = order.indexOf(stage.slug);
      const state: StepState =
        index === current ? 'current' : index < current ? 'done' : 'not-started';
      const date = reachedAt.get(stage.slug);
      return {
        slug: stage.slug,
        label: stage.label,
        state,
        reached: date && state !== 'not-started' ? londonDay(date) : null,
      };
    });
}

/** The public side of the front door: the enquiry form, its confirmation, the status page. */
export function enquiryPageHandlers(service: EnquiryService) {
  const renderForm = (
    reply: FastifyReply,
    values: FormValues,
    errors: FormErrors,
    capability: CapabilityAskedAbout | null,
    formToken: string,
    status = 200,
  ) =>
    reply
      .code(status)
      // The page carries a one-off submission token: a cached copy must never be reused.
      .header('cache-control', 'no-store')
      .render(
        'enquiries/views/new.njk',
        formContext(values, errors, capability, formToken, reply.generateCsrf()),
      );

  return {
    showForm: async (request: FastifyRequest, reply: FastifyReply) => {
      const query = request.query as Record<string, unknown>;
      const capability = await service.capabilityAskedAbout(query.capability);
      const values: FormValues = capability?.categories[0]
        ? { healthCategory: capability.categories[0] }
        : {};
      return renderForm(reply, values, noFormErrors, capability, newToken());
    },

    submitForm: async (request: FastifyRequest, reply: FastifyReply) => {
      const body = formBody(request);
      const values = typedValues(body);
      const capability = await service.capabilityAskedAbout(body.capabilityId);
      const formToken = body.formToken;
      if (!isToken(formToken)) {
        // Only a form not made by this site lacks its token: show it again, ready to send.
        return renderForm(
          reply,
          values,
          formErrorsFor(
            {
              organisationName: 'The form could not be sent. Check your answers and send it again',
            },
            enquiryFields,
          ),
          capability,
          newToken(),
          422,
        );
      }
      const parsed = enquiryForm.safeParse(body);
      if (!parsed.success) {
        return renderForm(
          reply,
          values,
          formErrorsFrom(parsed.error, enquiryFields),
          capability,
          formToken,
          422,
        );
      }
      await service.submit(
        { ...parsed.data, capabilityId: capability?.id ?? null },
        {
          channel: 'form',
          context: auditContextOf(request),
          // Whatever happens, the form's token leads to one enquiry and one confirmation page.
          idempotency: {
            scope: 'form',
            key: formToken,
            requestHash: sha256Hex(canonicalJson(parsed.data)),
          },
        },
      );
      return reply.redirect(pathTo.enquirySent(formToken), 303);
    },

    sent: async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
      privatePage(reply);
      const enquiry = await service.sentWithFormToken(request.params.token);
      if (!enquiry) return reply.callNotFound();
      return reply.render('enquiries/views/sent.njk', {
        pageTitle: `Enquiry sent: ${enquiry.reference}`,
        reference: enquiry.reference,
        firstResponseWorkingDays,
        dueBy: enquiry.firstResponseDueAt ? londonDayWithWeekday(enquiry.firstResponseDueAt) : null,
      });
    },

    status: async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
      privatePage(reply);
      const status = await service.statusFor(request.params.token);
      if (!status) return reply.callNotFound();
      const { enquiry } = status;
      const stage = enquiryStages.find((item) => item.slug === enquiry.stage);
      return reply.render('enquiries/views/status.njk', {
        pageTitle: `Enquiry ${enquiry.reference}`,
        reference: enquiry.reference,
        stage: enquiry.stage,
        stageLabel: stageLabel(enquiry.stage),
        forEnquirer: stage?.forEnquirer ?? '',
        receivedOn: londonDay(enquiry.receivedAt),
        typeLabel: enquiryTypeLabel(enquiry.enquiryType),
        categoryName: healthCategoryName(enquiry.healthCategory),
        dueBy:
          enquiry.stage === 'received' && enquiry.firstResponseDueAt
            ? londonDayWithWeekday(enquiry.firstResponseDueAt)
            : null,
        firstResponseWorkingDays,
        progressItems: stageSteps(status).map((step) => ({
          heading: step.label,
          ...(step.reached
            ? { hint: `${step.state === 'current' ? 'Since' : 'Reached on'} ${step.reached}` }
            : {}),
          status:
            step.state === 'done'
              ? { text: 'Done', classes: 'nhsuk-task-list__status--completed' }
              : step.state === 'current'
                ? {
                    tag: {
                      text: step.slug === 'closed' ? 'Closed' : 'Current stage',
                      classes: step.slug === 'closed' ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue',
                    },
                  }
                : { text: 'Not yet', classes: 'nhsuk-task-list__status--cannot-start-yet' },
        })),
      });
    },
  };
}
