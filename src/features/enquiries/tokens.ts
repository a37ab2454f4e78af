import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * The secrets of the front door: the enquirer's long-lived status link and the per-form
 * submission token. Both are 32 random bytes in base64url; only SHA-256 hashes are stored.
 */

/** The shape of every token this feature makes: 32 bytes in base64url. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isToken(value: unknown): value is string {
  return typeof value === 'string' && tokenPattern.test(value);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** How long the enquirer's status link works: two years from submission. */
export function statusLinkExpiry(receivedAt: Date): Date {
  const expiry = new Date(receivedAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 2);
  return expiry;
}

/** A canonical JSON text of a value (object keys sorted), to hash requests that mean the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

// The sealing key comes from the Idempotency-Key as sent, which the database never holds (it
// keeps a plain SHA-256 of it; this label makes the two different).
const sealingLabel = 'mha enquiry status link seal v1\n';
const sealingKey = (idempotencyKey: string) =>
  createHash('sha256').update(sealingLabel).update(idempotencyKey, 'utf8').digest();

/** Encrypts a status token (AES-256-GCM) so only a repeat of the same API request can read it. */
export function sealStatusToken(statusToken: string, idempotencyKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(idempotencyKey), iv);
  const sealed = Buffer.concat([cipher.update(statusToken, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The status token sealed with this key, or null when it cannot be opened with it. */
export function openStatusToken(sealed: string, idempotencyKey: string): string | null {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length < 12 + 16 + 1) return null;
    const decipher = createDecipheriv(
      'aes-256-gcm',
      sealingKey(idempotencyKey),
      bytes.subarray(0, 12),
    );
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const token = Buffer.concat([
      decipher.update(bytes.subarray(12, bytes.length - 16)),
      decipher.final(),
    ]).toString('utf8');
    return isToken(token) ? token : null;
  } catch {
    return null;
  }
}
