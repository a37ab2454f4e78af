import type { FastifyInstance } from 'fastify';
import { paths } from '../paths.js';

/** A feature's part of the OpenAPI document. */
export interface OpenApiContribution {
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  schemas?: Record<string, unknown>;
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: Record<string, unknown>;
  }[];
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}

/** The whole OpenAPI 3.1 document: the platform's own operations plus every feature's. */
export function openApiDocument(publicUrl: string, contributions: readonly OpenApiContribution[]) {
  const platform: OpenApiContribution = {
    tags: [{ name: 'Accounts', description: 'Needs a personal API token.' }],
    paths: {
      [paths.apiMe]: {
        get: {
          tags: ['Accounts'],
          summary: 'Who the token belongs to',
          security: [{ bearerToken: [] }],
          responses: {
            200: { description: 'The signed-in user.' },
            401: { description: 'No valid token.' },
          },
        },
      },
    },
  };
  const all = [platform, ...contributions];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Midlands Health Alliance API',
      version: '1',
      description:
        'Read the capability directory and act on your own records. Errors are RFC 9457 problem documents. Personal API tokens (created at /account/tokens) are sent as `Authorization: Bearer <token>` and carry exactly the rights of their owner.',
    },
    servers: [{ url: publicUrl }],
    tags: all.flatMap((part) => part.tags ?? []),
    paths: Object.assign({}, ...all.map((part) => part.paths)) as Record<
      string,
      Record<string, Operation>
    >,
    components: {
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { name: { type: 'string' }, reason: { type: 'string' } },
              },
            },
          },
        },
        ...(Object.assign({}, ...all.map((part) => part.schemas ?? {})) as Record<string, unknown>),
      },
    },
  };
}

const show = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';

function describeSchema(schema: Record<string, unknown> | undefined): string {
  if (!schema) return '';
  const items = schema.items as Record<string, unknown> | undefined;
  const values = (schema.enum ?? items?.enum) as string[] | undefined;
  const type =
    schema.type === 'array' ? `list of ${show(items?.type) || 'values'}` : show(schema.type);
  const limits = [
    schema.minimum !== undefined ? `from ${show(schema.minimum)}` : '',
    schema.maximum !== undefined ? `to ${show(schema.maximum)}` : '',
    schema.maxLength !== undefined ? `at most ${show(schema.maxLength)} characters` : '',
    schema.default !== undefined ? `default ${show(schema.default)}` : '',
  ].filter(Boolean);
  return [type, limits.join(', '), values ? `one of: ${values.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}

/** /api/docs: the document as a readable page, and as JSON for tools. */
export async function apiDocsRoutes(
  app: FastifyInstance,
  { document }: { document: ReturnType<typeof openApiDocument> },
) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: `${method}-${path}`
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/-+$/, '')
        .toLowerCase(),
      method: method.toUpperCase(),
      path,
      summary: operation.summary ?? '',
      description: operation.description ?? '',
      needsToken: Boolean(operation.security?.length),
      parameters: (operation.parameters ?? []).map((parameter) => ({
        name: parameter.name,
        where: parameter.in,
        required: Boolean(parameter.required),
        description: parameter.description ?? '',
        schema: describeSchema(parameter.schema),
      })),
      responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
        status,
        description: response.description ?? '',
      })),
    })),
  );
  app.get(paths.apiDocsJson, (_request, reply) => reply.send(document));
  app.get(paths.apiDocs, (_request, reply) =>
    reply.render('api/docs.njk', {
      pageTitle: 'API documentation',
      breadcrumbs: [{ text: 'Home', href: paths.home }],
      info: document.info,
      operations,
    }),
  );
}
