// Small builders the features' OpenAPI parts share.

/** A reference to a schema in components. */
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A response with an RFC 9457 problem body. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: schemaRef('Problem') } },
});

/** A response with a JSON body. */
export const jsonResponse = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** The slugs of a vocabulary, for an enum. */
export const slugsOf = (list: readonly { slug: string }[]) => list.map((item) => item.slug);
