import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { directoryOpenApi } from '../../../src/features/directory/openapi.js';
import { enquiriesOpenApi } from '../../../src/features/enquiries/openapi.js';
import { openApiDocument } from '../../../src/platform/http/api-docs.js';

describe('the enquiries part of the OpenAPI document', () => {
  test('documents POST /api/v1/enquiries with its Idempotency-Key, body and answers', () => {
    const document = openApiDocument('https://mha.example', [directoryOpenApi, enquiriesOpenApi]);
    const operation = document.paths['/api/v1/enquiries']?.post as
      | (Record<string, unknown> & {
          parameters: { name: string; in: string }[];
          responses: Record<string, unknown>;
          requestBody: { content: Record<string, { schema: { $ref: string } }> };
        })
      | undefined;
    assert.ok(operation, 'the operation is in the document');
    assert.deepEqual(
      operation.parameters.map((parameter) => [parameter.name, parameter.in]),
      [['Idempotency-Key', 'header']],
    );
    assert.deepEqual(Object.keys(operation.responses).sort(), ['201', '400', '413', '415', '422']);
    const schemaName = operation.requestBody.content['application/json']?.schema.$ref
      .split('/')
      .pop();
    assert.equal(schemaName, 'NewEnquiry');
    const schemas = document.components.schemas as Record<string, { required?: string[] }>;
    assert.ok(schemas.NewEnquiry?.required?.includes('consentToContact'));
    assert.deepEqual(schemas.EnquiryReceipt?.required, [
      'reference',
      'stage',
      'receivedAt',
      'statusUrl',
    ]);
    // The directory's operations are still there: the parts merge, not replace.
    assert.ok(document.paths['/api/v1/capabilities']);
    assert.ok(document.tags.some((tag) => tag.name === 'Industry enquiries'));
  });
});
