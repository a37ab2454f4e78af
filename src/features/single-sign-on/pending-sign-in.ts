import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What the callback needs to finish a sign-in that this browser started at the provider. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** How long someone has to finish signing in at their identity provider. */
export const pendingSignInLifetimeMs = 10 * 60 * 1000;

const ivBytes = 12;
const tagBytes = 16;

const sealedContents = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: z.string().min(1),
  expiresAt: z.number(),
});

/**
 * Seals a pending sign-in into a cookie value with AES-256-GCM, so the browser can carry it but
 * can neither read nor change it. The key is derived from the client secret, which every app
 * instance already shares, so the callback may reach any instance.
 */
export class PendingSignInSeal {
  private readonly key: Buffer;

  constructor(
    secret: string,
    context: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', secret, 'mha-single-sign-on', `pending sign-in cookie ${context}`, 32),
    );
  }

  seal(pending: PendingSignIn): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plaintext = JSON.stringify({
      ...pending,
      expiresAt: this.now() + pendingSignInLifetimeMs,
    });
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
  }

  /** The pending sign-in, or null when the value is missing, altered, forged or expired. */
  open(sealed: string | undefined): PendingSignIn | null {
    if (!sealed) return null;
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= ivBytes + tagBytes) return null;
    let plaintext: string;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, ivBytes));
      decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
      plaintext = Buffer.concat([
        decipher.update(bytes.subarray(ivBytes, bytes.length - tagBytes)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
    const parsed = sealedContents.safeParse(JSON.parse(plaintext));
    if (!parsed.success || parsed.data.expiresAt <= this.now()) return null;
    const { expiresAt: _expiresAt, ...pending } = parsed.data;
    return pending;
  }
}
