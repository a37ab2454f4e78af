import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.js';

test('passwords are hashed with argon2id and verify only with the right password', async () => {
  const hashed = await hashPassword('a long and unusual phrase');
  assert.match(hashed, /^\$argon2id\$/);
  assert.equal(await verifyPassword(hashed, 'a long and unusual phrase'), true);
  assert.equal(await verifyPassword(hashed, 'a long and unusual phrasE'), false);
  assert.equal(await verifyPassword('not a hash', 'anything'), false);
});

test('the policy needs 12 characters and refuses common passwords and their variants', () => {
  assert.deepEqual(passwordProblems('short'), ['Password must be 12 characters or more']);
  assert.match(passwordProblems('password1234')[0] ?? '', /too common/);
  assert.match(passwordProblems('Password2026!')[0] ?? '', /too common/);
  assert.match(passwordProblems('Qwertyuiop123')[0] ?? '', /too common/);
  assert.match(passwordProblems('aaaaaaaaaaaaaaa')[0] ?? '', /too common|repeat/);
  assert.match(passwordProblems('x'.repeat(257))[0] ?? '', /256 characters or fewer/);
  assert.deepEqual(passwordProblems('grip strength at the clinic'), []);
});

test('the policy refuses a password containing the email address', () => {
  assert.match(
    passwordProblems('jane.smith-research-2026', { email: 'jane.smith@example.org' })[0] ?? '',
    /email address/,
  );
});
