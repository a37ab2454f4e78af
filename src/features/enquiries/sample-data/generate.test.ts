import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkingDayCalendar } from '../working-days.js';
import { generateSampleEnquiries } from './generate.js';
import { isSampleEnquiry } from './marking.js';

const partners = ['uhb', 'nuh', 'uhl', 'uhcw', 'university-of-warwick', 'nihr-leicester-brc'].map(
  (slug) => ({ slug, name: slug.toUpperCase() }),
);
const anchor = new Date('2026-11-30T10:00:00Z');

describe('the sample enquiry generator', () => {
  test('gives the same enquiries for the same anchor day, partners and seed', () => {
    const one = generateSampleEnquiries({ anchor, partners });
    // Another moment of the same London day, and the partners in another order.
    const two = generateSampleEnquiries({
      anchor: new Date('2026-11-30T23:30:00Z'),
      partners: [...partners].reverse(),
    });
    assert.deepEqual(two, one);
    assert.notDeepEqual(generateSampleEnquiries({ anchor, partners, seed: 7 }), one);
  });

  test('makes about 60 marked enquiries, on working days, all before the anchor day', () => {
    const calendar = new WorkingDayCalendar();
    const list = generateSampleEnquiries({ anchor, partners, calendar });
    assert.equal(list.length, 60);
    const anchorDay = new Date('2026-11-30T00:00:00Z'); // GMT: London midnight
    for (const enquiry of list) {
      assert.ok(isSampleEnquiry(enquiry));
      const moments = [
        enquiry.receivedAt,
        ...enquiry.events.map((event) => event.occurredAt),
        ...enquiry.siteRequests.flatMap((request) =>
          request.respondedAt ? [request.requestedAt, request.respondedAt] : [request.requestedAt],
        ),
      ];
      for (const moment of moments) {
        assert.ok(moment < anchorDay, `${moment.toISOString()} is before the anchor day`);
        assert.ok(calendar.isWorkingDay(moment), `${moment.toISOString()} is a working day`);
      }
      const times = enquiry.events.map((event) => event.occurredAt.getTime());
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
      );
      assert.equal(enquiry.stage === 'closed', enquiry.closedOutcome !== null);
      assert.ok(enquiry.description.length >= 20 && enquiry.description.length <= 5000);
    }
    const sorted = list.map((enquiry) => enquiry.receivedAt.getTime());
    assert.deepEqual(
      sorted,
      [...sorted].sort((a, b) => a - b),
    );
  });

  test('asks nobody when there are no partners', () => {
    const list = generateSampleEnquiries({ anchor, partners: [] });
    assert.ok(list.every((enquiry) => enquiry.siteRequests.length === 0));
  });
});
