import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PendingSignInSeal, pendingSignInLifetimeMs } from './pending-sign-in.js';

const pending = {
  state: 'state-value',
  nonce: 'nonce-value',
  codeVerifier: 'code-verifier-value',
  returnTo: '/account',
};

describe('sealing a pending sign-in into a cookie', () => {
  test('a sealed sign-in opens to the same values and does not show them', () => {
    const seal = new PendingSignInSeal('client secret', 'issuer client');
    const sealed = seal.seal(pending);
    assert.deepEqual(seal.open(sealed), pending);
    assert.doesNotMatch(sealed, /state-value|nonce-value|code-verifier-value|account/);
  });

  test('a value changed by even one character does not open', () => {
    const seal = new PendingSignInSeal('client secret', 'issuer client');
    const sealed = seal.seal(pending);
    const bytes = Buffer.from(sealed, 'base64url');
    for (const position of [0, 13, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[position] = (altered[position] ?? 0) ^ 1;
      assert.equal(seal.open(altered.toString('base64url')), null, `byte ${position}`);
    }
  });

  test('missing, malformed and short values do not open', () => {
    const seal = new PendingSignInSeal('client secret', 'issuer client');
    for (const value of [undefined, '', 'not-a-sealed-value', 'AAAA', '%%%']) {
      assert.equal(seal.open(value), null, String(value));
    }
  });

  test('a value sealed with another secret or for another provider does not open', () => {
    const sealed = new PendingSignInSeal('client secret', 'issuer client').seal(pending);
    assert.equal(new PendingSignInSeal('other secret', 'issuer client').open(sealed), null);
    assert.equal(new PendingSignInSeal('client secret', 'other issuer').open(sealed), null);
  });

  test('a sealed sign-in expires after its lifetime', () => {
    let now = 1_000_000;
    const seal = new PendingSignInSeal('client secret', 'issuer client', () => now);
    const sealed = seal.seal(pending);
    now += pendingSignInLifetimeMs - 1;
    assert.deepEqual(seal.open(sealed), pending);
    now += 1;
    assert.equal(seal.open(sealed), null);
  });
});
