import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, buildTestApp } from '../../support/app.js';
import { createUser, sessionFor } from '../../support/users.js';

let testApp: TestApp;
let cookie = '';
before(async () => {
  testApp = await buildTestApp('pglite', {});
  const user = await createUser(testApp.testDatabase.database, 'investigator');
  cookie = `mha_session=${await sessionFor(testApp.testDatabase.database, user.id)}`;
});
after(async () => {
  await testApp.close();
});

test('a NUL character in an API query or JSON body is refused with 400, never a 500', async () => {
  const search = await testApp.app.inject({
    url: '/api/v1/projects?q=grip%00strength',
    headers: { cookie },
  });
  assert.equal(search.statusCode, 400);
  assert.match(search.body, /NUL character/);
  const json = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/projects/similar',
    headers: { cookie, 'content-type': 'application/json' },
    payload: JSON.stringify({ title: 'a\u0000b' }),
  });
  assert.equal(json.statusCode, 400);
  // Pages name the field themselves; the guard leaves them alone.
  const page = await testApp.app.inject({ url: '/capabilities?q=x%00y' });
  assert.ok(page.statusCode < 500, String(page.statusCode));
  assert.match(page.headers['content-type'] as string, /text\/html/);
});
