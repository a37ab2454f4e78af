import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf } from '../../platform/http/authentication.js';
import { sendProblem } from '../../platform/http/errors.js';
import { enquiryStages, stageLabel } from './model.js';
import { apiErrorsFrom, enquiryApiBody } from './schema.js';
import type { IdempotencyRecord } from './repository.js';
import type { EnquiryService, SubmittedEnquiry } from './service.js';
import { canonicalJson, sha256Hex } from './tokens.js';

export const idempotencyKeyHeader = 'Idempotency-Key';
export const idempotencyKeyMaxLength = 200;
const idempotencyKeyPattern = new RegExp(`^[\\x20-\\x7e]{1,${idempotencyKeyMaxLength}}$`);

type FieldError = { name: string; reason: string };

/** The Idempotency-Key header: absent, a usable key, or the reason it is not one. */
function idempotencyKeyOf(request: FastifyRequest): { key: string | null; error?: FieldError } {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return { key: null };
  const reason = `must be 1 to ${idempotencyKeyMaxLength} printable ASCII characters, sent once`;
  if (typeof value !== 'string' || !idempotencyKeyPattern.test(value) || value.trim() === '') {
    return { key: null, error: { name: idempotencyKeyHeader, reason } };
  }
  return { key: value };
}

const receivedStep = enquiryStages.find((stage) => stage.slug === 'received')?.forEnquirer ?? '';

/** The 201 body, less its status link (which a stored copy must not hold). */
function createdBody(enquiry: SubmittedEnquiry): Record<string, unknown> {
  return {
    reference: enquiry.reference,
    stage: enquiry.stage,
    stageLabel: stageLabel(enquiry.stage),
    nextStep: receivedStep,
    receivedAt: enquiry.receivedAt.toISOString(),
    firstResponseDueAt: enquiry.firstResponseDueAt?.toISOString() ?? null,
  };
}

function isJsonRequest(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(type);
}

function invalid(reply: FastifyReply, errors: FieldError[]) {
  return sendProblem(reply, {
    type: 'about:blank',
    title: 'Invalid enquiry',
    status: 422,
    detail: errors.map((error) => `${error.name}: ${error.reason}`).join('; '),
    errors,
  });
}

/** POST /api/v1/enquiries: an enquiry from another system, stored once per Idempotency-Key. */
export function enquiryApiHandlers(service: EnquiryService) {
  const answer = (
    reply: FastifyReply,
    body: Record<string, unknown>,
    statusToken: string | null,
    repeated: boolean,
  ) => {
    const statusUrl = statusToken ? service.statusUrl(statusToken) : null;
    if (statusUrl) reply.header('location', statusUrl);
    if (repeated) reply.header('idempotent-replayed', 'true');
    return reply
      .code(201)
      .header('cache-control', 'no-store')
      .send({ ...body, ...(statusUrl ? { statusUrl } : {}) });
  };

  return {
    submit: async (request: FastifyRequest, reply: FastifyReply) => {
      // Only JSON: a page on another site cannot send that without the browser asking first
      // (CORS), so this route needs no CSRF token.
      if (!isJsonRequest(request)) {
        return sendProblem(reply, {
          type: 'about:blank',
          title: 'Unsupported media type',
          status: 415,
          detail: 'Send the enquiry as JSON, with Content-Type: application/json.',
        });
      }
      const { key, error: keyError } = idempotencyKeyOf(request);
      const parsed = enquiryApiBody.safeParse(request.body);
      const errors = [
        ...(keyError ? [keyError] : []),
        ...(parsed.success ? [] : apiErrorsFrom(parsed.error)),
      ];
      if (errors.length > 0 || !parsed.success) return invalid(reply, errors);

      const input = parsed.data;
      const requestHash = sha256Hex(canonicalJson(input));
      const keyReused = () =>
        sendProblem(reply, {
          type: 'about:blank',
          title: 'Idempotency key already used',
          status: 422,
          detail: `This ${idempotencyKeyHeader} was used for a different request. Repeat the original request exactly to get its answer again, or send a new key for a new enquiry.`,
          errors: [
            { name: idempotencyKeyHeader, reason: 'was already used for a different request' },
          ],
        });

      const replay = (record: IdempotencyRecord, sentKey: string) =>
        answer(
          reply,
          record.responseBody ?? {},
          service.repeatedStatusToken(record, sentKey),
          true,
        );
      if (key) {
        // A repeat is answered as before, even if the capability has been withdrawn since.
        const earlier = await service.apiKeyRecord(key);
        if (earlier) {
          return earlier.requestHash === requestHash ? replay(earlier, key) : keyReused();
        }
      }

      if (input.capabilityId) {
        const capability = await service.capabilityAskedAbout(input.capabilityId);
        if (!capability) {
          return invalid(reply, [
            { name: 'capabilityId', reason: 'No published capability has this id' },
          ]);
        }
      }

      const result = await service.submit(input, {
        channel: 'api',
        context: auditContextOf(request),
        ...(key
          ? { idempotency: { scope: 'api', key, requestHash, responseBody: createdBody } }
          : {}),
      });
      if (result.outcome === 'key-reused') return keyReused();
      if (result.outcome === 'created') {
        return answer(reply, createdBody(result.enquiry), result.statusToken, false);
      }
      // The same request again, sent while the first was being stored: the same answer.
      return key ? replay(result.record, key) : keyReused();
    },
  };
}
