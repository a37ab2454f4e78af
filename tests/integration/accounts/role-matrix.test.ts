import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAllowed, roles, type Role } from '../../../src/platform/auth/roles.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { createUser, sessionFor } from '../../support/users.js';

for (const engine of testEngines()) {
  describe(`role matrix on ${engine}`, () => {
    let testApp: TestApp;
    const users = new Map<Role, { id: string }>();

    before(async () => {
      testApp = await buildTestApp(engine);
      for (const role of roles)
        users.set(role, await createUser(testApp.testDatabase.database, role));
    });
    after(async () => {
      await testApp.close();
    });

    test('there are protected routes to walk, and every change route declares its access', () => {
      const protectedRules = testApp.app.accessRules.filter((rule) => rule.access !== 'public');
      assert.ok(protectedRules.length >= 5, JSON.stringify(testApp.app.accessRules));
    });

    test('every protected route allows exactly the roles its rule names, and no anonymous visitor', async () => {
      const rules = testApp.app.accessRules.filter((rule) => rule.access !== 'public');
      for (const rule of rules) {
        const anonymous = await testApp.app.inject({ method: rule.method as 'GET', url: rule.url });
        if (rule.method === 'GET' && !rule.url.startsWith('/api/')) {
          assert.equal(anonymous.statusCode, 303, `anonymous ${rule.method} ${rule.url}`);
          assert.match(String(anonymous.headers.location), /^\/sign-in\?returnTo=/);
        } else {
          assert.equal(anonymous.statusCode, 401, `anonymous ${rule.method} ${rule.url}`);
        }

        for (const role of roles) {
          const user = users.get(role);
          assert.ok(user);
          // A fresh session per check, because some routes (sign out) end the session.
          const client = new FormClient(testApp.app);
          client.setCookie('mha_session', await sessionFor(testApp.testDatabase.database, user.id));
          const response =
            rule.method === 'GET'
              ? await client.get(rule.url)
              : await client.post(
                  rule.url,
                  {},
                  {
                    formUrl: '/account/password',
                    method: rule.method as 'POST' | 'PUT' | 'DELETE',
                  },
                );
          const allowed = isAllowed(rule.access, {
            id: user.id,
            email: '',
            displayName: '',
            role,
            organisationId: null,
            mustChangePassword: false,
          });
          const label = `${role} ${rule.method} ${rule.url} gave ${response.statusCode}`;
          if (allowed) {
            assert.ok(
              ![401, 403].includes(response.statusCode) && response.statusCode < 500,
              label,
            );
          } else {
            assert.equal(response.statusCode, 403, label);
          }
        }
      }
    });

    test('the audit trail is for administrators only', async () => {
      for (const role of roles) {
        const client = new FormClient(testApp.app);
        const user = users.get(role);
        assert.ok(user);
        client.setCookie('mha_session', await sessionFor(testApp.testDatabase.database, user.id));
        const page = await client.get('/admin/audit');
        const csv = await client.get('/admin/audit.csv');
        assert.equal(page.statusCode, role === 'admin' ? 200 : 403, role);
        assert.equal(csv.statusCode, role === 'admin' ? 200 : 403, role);
      }
    });
  });
}
