import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EnquiryMatcher } from '../../../src/features/directory/matching.js';
import { buildTestApp, testAdministrator, type TestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';

for (const engine of testEngines()) {
  describe(`matching an enquiry to the directory on ${engine}`, () => {
    let testApp: TestApp;
    let matcher: EnquiryMatcher;

    before(async () => {
      testApp = await buildTestApp(engine, {
        env: {
          ADMIN_EMAIL: testAdministrator.email,
          ADMIN_PASSWORD: testAdministrator.password,
          SAMPLE_DATA: 'true',
        },
      });
      matcher = new EnquiryMatcher(testApp.testDatabase.database);
    });
    after(async () => {
      await testApp.close();
    });

    test('a sarcopenia drug trial is matched to sarcopenia capabilities, their people and organisations, with reasons', async () => {
      const result = await matcher.match({
        enquiryType: 'commercial-trial',
        healthCategory: 'musculoskeletal',
        text: 'We are planning a phase 2 trial of a new drug for sarcopenia in older adults, measuring grip strength and gait speed.',
      });
      assert.ok(result.searchedWords.includes('sarcopenia'), result.searchedWords.join(' '));
      assert.ok(!result.searchedWords.includes('planning'), 'common words are not searched');
      assert.equal(result.capabilities.length, 8);
      for (const capability of result.capabilities.slice(0, 5)) {
        assert.ok(
          capability.reasons.some((reason) => /^Mentions .*(sarcopenia|grip|gait)/.test(reason)),
          `${capability.name}: ${capability.reasons.join('; ')}`,
        );
      }
      const scores = result.capabilities.map((capability) => capability.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
        'best first',
      );
      assert.ok(result.organisations.length >= 3);
      assert.match(result.organisations[0]?.reasons[0] ?? '', /^\d+ matching capabilit/);
      assert.ok(result.people.length >= 1);
      assert.match(result.people[0]?.reasons[0] ?? '', /^Named on /);
    });

    test('the health category alone still finds suggestions, each saying why', async () => {
      const result = await matcher.match({
        enquiryType: 'observational',
        healthCategory: 'respiratory',
        text: 'zzz qqq',
      });
      assert.deepEqual(result.searchedWords, []);
      assert.ok(result.capabilities.length > 0);
      assert.ok(
        result.capabilities.every((capability) =>
          capability.reasons.includes('Works in Respiratory'),
        ),
      );
    });

    test('text with no directory words and no category suggests nothing, without failing', async () => {
      const result = await matcher.match({
        enquiryType: 'funding',
        healthCategory: null,
        text: "'); zzqx; -- <xyzzy> OR 1=1",
      });
      assert.deepEqual(result, {
        searchedWords: [],
        capabilities: [],
        organisations: [],
        people: [],
      });
    });
  });
}
