import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, testAdministrator, type TestApp } from '../../support/app.js';

const enquiry = {
  organisationName: 'Flood Test Ltd',
  contactName: 'Fay Flood',
  contactEmail: 'fay@flood.example',
  enquiryType: 'collaboration',
  healthCategory: 'Respiratory',
  description: 'An enquiry sent many times, to check the limit on public submissions.',
  consentToContact: true,
};

describe('the limit on public submissions from one address', () => {
  let testApp: TestApp;

  before(async () => {
    testApp = await buildTestApp('pglite', {
      env: {
        ADMIN_EMAIL: testAdministrator.email,
        ADMIN_PASSWORD: testAdministrator.password,
        SUBMISSION_LIMIT: '3',
      },
    });
  });
  after(async () => {
    await testApp.close();
  });

  const send = (remoteAddress: string) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      remoteAddress,
      payload: enquiry,
    });

  test('the fourth enquiry in an hour from one address gets 429 and is not stored; others are unaffected', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      assert.equal((await send('203.0.113.7')).statusCode, 201, `attempt ${attempt}`);
    }
    const refused = await send('203.0.113.7');
    assert.equal(refused.statusCode, 429);
    assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(refused.json<{ detail: string }>().detail, /Too many submissions/);
    assert.equal((await send('198.51.100.9')).statusCode, 201, 'another address may still send');

    const [row] = await testApp.testDatabase.database.query<{ n: number }>(
      `select count(*)::int as n from enquiry where organisation_name = 'Flood Test Ltd'`,
    );
    assert.equal(row?.n, 4);
  });

  test('the form is limited too, with an NHS page rather than a crash', async () => {
    const responses = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      responses.push(
        await testApp.app.inject({
          method: 'POST',
          url: '/enquiries/new',
          remoteAddress: '192.0.2.44',
          payload: 'organisationName=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      );
    }
    const [, , third, fourth] = responses;
    assert.ok(third && fourth);
    assert.notEqual(third.statusCode, 429);
    assert.equal(fourth.statusCode, 429);
    assert.match(fourth.body, /<h1>Too many requests<\/h1>/);
  });
});
