import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { endOfLondonDay } from '../working-days.js';
import { planReminders, reminderMail, type ReminderAccount } from './compose.js';

const account = (
  id: string,
  role: ReminderAccount['role'],
  organisationId: string | null = null,
  status: ReminderAccount['status'] = 'active',
): ReminderAccount => ({
  id,
  email: `${id}@mha.test`,
  displayName: `Person ${id}`,
  role,
  organisationId,
  status,
});

const now = new Date('2026-06-01T08:00:00Z'); // 09:00 in London (BST)

describe('planning reminders', () => {
  const accounts = [
    account('owner', 'alliance-office'),
    account('office', 'alliance-office'),
    account('away', 'alliance-office', null, 'deactivated'),
    account('site-a', 'site-office', 'org-a'),
    account('site-b', 'site-office', 'org-b'),
  ];

  test('the owner, else the whole office; a site request to its own site office only', () => {
    const plans = planReminders({
      firstResponses: [
        {
          enquiryId: 'e1',
          reference: 'MHA-2026-00001',
          organisationName: 'Acme',
          enquiryType: 'funding',
          ownerUserId: null,
          dueAt: endOfLondonDay('2026-05-29'),
        },
        {
          enquiryId: 'e2',
          reference: 'MHA-2026-00002',
          organisationName: 'Acme',
          enquiryType: 'funding',
          ownerUserId: 'owner',
          dueAt: endOfLondonDay('2026-06-02'),
        },
        {
          // An owner who has left: the office is told instead.
          enquiryId: 'e3',
          reference: 'MHA-2026-00003',
          organisationName: 'Acme',
          enquiryType: 'funding',
          ownerUserId: 'away',
          dueAt: endOfLondonDay('2026-06-01'),
        },
      ],
      siteRequests: [
        {
          requestId: 'r1',
          enquiryId: 'e4',
          reference: 'MHA-2026-00004',
          enquiryType: 'observational',
          organisationId: 'org-a',
          dueAt: endOfLondonDay('2026-06-03'),
        },
      ],
      accounts,
      now,
      londonDay: '2026-06-01',
      publicUrl: 'https://mha.test',
    });
    assert.deepEqual(
      plans.map((plan) => [plan.recipient.id, plan.items.map((item) => item.key)]),
      [
        [
          'office',
          [
            'first-response:e1:office:overdue:2026-06-01',
            'first-response:e3:office:due:2026-06-01',
          ],
        ],
        [
          'owner',
          [
            'first-response:e1:owner:overdue:2026-06-01',
            'first-response:e2:owner:due:2026-06-01',
            'first-response:e3:owner:due:2026-06-01',
          ],
        ],
        ['site-a', ['site-request:r1:site-a:due:2026-06-01']],
      ],
    );
    const mail = reminderMail(
      plans[2]?.recipient ?? account('x', 'admin'),
      plans[2]?.items ?? [],
      now,
    );
    assert.equal(mail.to, 'site-a@mha.test');
    assert.equal(mail.subject, 'Reminder: 1 enquiry deadline coming up');
    assert.ok(mail.text.includes('https://mha.test/site/requests/r1'));
    assert.ok(mail.text.includes('Answer due by Wednesday 3 June 2026.'));
    assert.ok(mail.text.includes('(Monday 1 June 2026)'));
  });
});
