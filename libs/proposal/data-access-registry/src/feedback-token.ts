/**
 * The feedback form's secret (征求意见表 link, Art. 11 and 14: whoever holds it answers the form,
 * so no unit may ever learn it — 杜绝“被满意”).
 *
 * - Made here, in an activity, from `node:crypto` (32 random bytes, base64url: 43 characters).
 *   Never from the workflow's `uuid4()`/`Math.random`: those are a seeded, replayable PRNG whose
 *   state anyone can recover from the event ids they read.
 * - Looked up by its SHA-256 (a fast hash is enough: the token has 256 bits of entropy, so there is
 *   nothing to brute-force, and a wrong guess costs the server one hash and one index probe).
 * - For the holder's own views (item page, inbox) a copy is sealed with AES-256-GCM under a server
 *   key (FEEDBACK_TOKEN_KEY), bound to its reply id, so the database never holds a plain token.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as base64url, no padding. */
export const FEEDBACK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newFeedbackToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Could `s` be a token at all? Anything else is refused before any database work. */
export const isFeedbackTokenShape = (s: unknown): s is string => typeof s === 'string' && FEEDBACK_TOKEN_PATTERN.test(s);

export function hashFeedbackToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of two stored/computed hashes (lengths are public: both 32 bytes). */
export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The server key that seals stored tokens: 32 bytes. */
export type FeedbackTokenKey = Buffer & { readonly __feedbackTokenKey: true };

/**
 * Development default only (refused in production): the same on every developer machine, so a
 * database copied between them stays readable. Never protects real data.
 */
export const DEV_FEEDBACK_TOKEN_KEY = 'jyta-dev-only-feedback-token-key-do-not-use-in-production';

/**
 * FEEDBACK_TOKEN_KEY: 32 bytes as 64 hex digits or base64/base64url (e.g. `openssl rand -base64 32`).
 * Required in production; elsewhere the development default (hashed to 32 bytes) is used.
 */
export function feedbackTokenKeyFromEnv(env: Record<string, string | undefined> = process.env): FeedbackTokenKey {
  const raw = env.FEEDBACK_TOKEN_KEY?.trim();
  if (!raw) {
    if (env.NODE_ENV === 'production') {
      throw new Error('FEEDBACK_TOKEN_KEY is required in production (32 random bytes, e.g. `openssl rand -base64 32`)');
    }
    return createHash('sha256').update(DEV_FEEDBACK_TOKEN_KEY).digest() as FeedbackTokenKey;
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('FEEDBACK_TOKEN_KEY: expected 32 bytes (64 hex digits or base64)');
  return key as FeedbackTokenKey;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

/** AES-256-GCM: [version 1][iv 12][tag 16][ciphertext]; the reply id is authenticated data. */
export function sealFeedbackToken(key: FeedbackTokenKey, token: string, replyId: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(replyId, 'utf8'));
  const ct = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ct]);
}

/** The plain token, or undefined when the blob was not sealed for this reply under this key. */
export function openFeedbackToken(key: FeedbackTokenKey, sealed: Buffer, replyId: string): string | undefined {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(replyId, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
