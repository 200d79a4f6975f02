import { createHash } from 'node:crypto';
import {
  DEV_FEEDBACK_TOKEN_KEY,
  FEEDBACK_TOKEN_PATTERN,
  feedbackTokenKeyFromEnv,
  hashFeedbackToken,
  isFeedbackTokenShape,
  newFeedbackToken,
  openFeedbackToken,
  sameHash,
  sealFeedbackToken,
} from './feedback-token';

const key = feedbackTokenKeyFromEnv({ FEEDBACK_TOKEN_KEY: 'ab'.repeat(32) });

describe('feedback token', () => {
  it('is 32 random bytes as 43 base64url characters, never a UUID, never repeated', () => {
    const tokens = Array.from({ length: 2000 }, newFeedbackToken);
    for (const t of tokens) {
      expect(t).toMatch(FEEDBACK_TOKEN_PATTERN);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(t).not.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/i);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('shape check refuses anything but 43 base64url characters', () => {
    expect(isFeedbackTokenShape(newFeedbackToken())).toBe(true);
    for (const bad of ['', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`, '6f1c1c52-0f5e-4d6b-9a55-1a1b5e0c2d3f', 42, null]) {
      expect(isFeedbackTokenShape(bad)).toBe(false);
    }
  });

  it('is stored as its SHA-256; comparison is by value', () => {
    const t = newFeedbackToken();
    expect(hashFeedbackToken(t)).toEqual(createHash('sha256').update(t).digest());
    expect(sameHash(hashFeedbackToken(t), hashFeedbackToken(t))).toBe(true);
    expect(sameHash(hashFeedbackToken(t), hashFeedbackToken(newFeedbackToken()))).toBe(false);
    expect(sameHash(hashFeedbackToken(t), Buffer.alloc(3))).toBe(false);
  });

  it('the sealed copy opens only with the same key and for the same reply, and does not contain the token', () => {
    const t = newFeedbackToken();
    const sealed = sealFeedbackToken(key, t, 'reply-1');
    expect(sealed.toString('latin1')).not.toContain(t);
    expect(sealed.toString('base64url')).not.toContain(t);
    expect(openFeedbackToken(key, sealed, 'reply-1')).toBe(t);
    expect(openFeedbackToken(key, sealed, 'reply-2')).toBeUndefined();
    expect(openFeedbackToken(feedbackTokenKeyFromEnv({}), sealed, 'reply-1')).toBeUndefined();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] ^= 1;
    expect(openFeedbackToken(key, tampered, 'reply-1')).toBeUndefined();
    expect(openFeedbackToken(key, Buffer.alloc(5), 'reply-1')).toBeUndefined();
    // a fresh IV each time: two seals of one token differ
    expect(sealFeedbackToken(key, t, 'reply-1').equals(sealed)).toBe(false);
  });

  it('key: 64 hex digits or base64 of 32 bytes; required in production; dev default elsewhere', () => {
    expect(feedbackTokenKeyFromEnv({ FEEDBACK_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64') })).toEqual(Buffer.alloc(32, 7));
    expect(feedbackTokenKeyFromEnv({ FEEDBACK_TOKEN_KEY: '07'.repeat(32) })).toEqual(Buffer.alloc(32, 7));
    expect(() => feedbackTokenKeyFromEnv({ FEEDBACK_TOKEN_KEY: 'short' })).toThrow(/32 bytes/);
    expect(() => feedbackTokenKeyFromEnv({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(feedbackTokenKeyFromEnv({ NODE_ENV: 'test' })).toEqual(createHash('sha256').update(DEV_FEEDBACK_TOKEN_KEY).digest());
  });
});
