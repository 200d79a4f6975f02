/**
 * The outbox sender against a real (tiny, in-process) SMTP server speaking on 127.0.0.1, with an
 * in-memory outbox (the SQL of PostgresOutbox is tested in @jyta/notifications).
 */
import { createServer } from 'node:net';
import { FEEDBACK_LINK_PLACEHOLDER, MAX_OUTBOX_ATTEMPTS, backoffMs, type OutboxMessage, type OutboxStore } from '@jyta/notifications';
import { startFakeSmtp, type FakeSmtp } from '@jyta/notifications/src/testing/fake-smtp';
import { DEFAULT_SMTP_FROM, OutboxSender, outboxConfigFromEnv, redactUrl, smtpMailer, type Mailer } from './outbox-sender';

/** An outbox in memory, with the semantics of PostgresOutbox (lease on claim, backoff on failure). */
class MemoryOutbox implements OutboxStore {
  rows: (OutboxMessage & { sentAt?: number; notBefore: number; lastError?: string })[] = [];
  claims = 0;
  add(recipient: string, subject = '【建议提案办理】新交办：《关于加强职业技能培训的建议》，答复期限 2026-06-02', body = '请及时签收并与代表委员沟通联系。') {
    const n = this.rows.length + 1;
    this.rows.push({
      id: `m-${n}`,
      channel: 'email',
      recipient,
      userId: `u-${n}`,
      subject,
      body,
      eventId: `e-${n}`,
      createdAt: new Date().toISOString(),
      attempts: 0,
      notBefore: 0,
    });
  }
  async claim(channel: string, limit: number) {
    this.claims++;
    const due = this.rows
      .filter((r) => r.channel === channel && !r.sentAt && r.attempts < MAX_OUTBOX_ATTEMPTS && r.notBefore <= Date.now())
      .slice(0, limit);
    for (const r of due) r.notBefore = Date.now() + 60_000;
    return due.map((r) => ({ ...r }));
  }
  async markSent(id: string) {
    this.rows.find((r) => r.id === id)!.sentAt = Date.now();
  }
  async markFailed(m: OutboxMessage, error: string) {
    const r = this.rows.find((x) => x.id === m.id)!;
    r.attempts++;
    r.lastError = error;
    r.notBefore = Date.now() + backoffMs(r.attempts);
  }
}

const quiet = { log: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };

describe('OutboxSender over SMTP', () => {
  let smtp: FakeSmtp;
  let mailer: Mailer;
  beforeAll(async () => {
    smtp = await startFakeSmtp({ user: 'jyta', pass: 's3cret' });
    mailer = smtpMailer(smtp.url, 'banli@example.gov.cn');
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
  });

  it('sends due e-mails, authenticated, from SMTP_FROM, and marks them sent', async () => {
    const outbox = new MemoryOutbox();
    outbox.add('rsj-handler@example.org');
    outbox.add('rsj-leader@example.org', '【建议提案办理】催办：《关于加强职业技能培训的建议》', '距答复期限（2026-06-02）仅剩 7 天。');
    const sender = new OutboxSender(outbox, mailer, { pollMs: 50, batchSize: 20 }, quiet);
    expect(await sender.runOnce()).toEqual({ sent: 2, failed: 0 });

    const first = await smtp.waitFor((m) => m.to.includes('rsj-handler@example.org'));
    expect(first.from).toBe('banli@example.gov.cn');
    expect(first.auth).toEqual({ user: 'jyta', pass: 's3cret' });
    expect(first.subject).toBe('【建议提案办理】新交办：《关于加强职业技能培训的建议》，答复期限 2026-06-02');
    expect(first.text).toContain('请及时签收并与代表委员沟通联系。');
    const second = await smtp.waitFor((m) => m.to.includes('rsj-leader@example.org'));
    expect(second.text).toContain('仅剩 7 天');
    expect(outbox.rows.every((r) => r.sentAt)).toBe(true);
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
  });

  it('a refused recipient counts a failed attempt with the server’s answer and backs off; the others go out', async () => {
    const outbox = new MemoryOutbox();
    outbox.add('nobody@example.org');
    outbox.add('jyj-handler@example.org');
    smtp.rejectRecipient = (a) => a === 'nobody@example.org';
    try {
      const sender = new OutboxSender(outbox, mailer, { pollMs: 50, batchSize: 20 }, quiet);
      expect(await sender.runOnce()).toEqual({ sent: 1, failed: 1 });
      const [bad, good] = outbox.rows;
      expect(bad.attempts).toBe(1);
      expect(bad.sentAt).toBeUndefined();
      expect(bad.lastError).toMatch(/550/);
      expect(bad.notBefore).toBeGreaterThan(Date.now() + 20_000);
      expect(good.sentAt).toBeDefined();
      await smtp.waitFor((m) => m.to.includes('jyj-handler@example.org'));
      expect(smtp.messages.some((m) => m.to.includes('nobody@example.org'))).toBe(false);
      // backing off: not tried again at once
      expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
    } finally {
      smtp.rejectRecipient = undefined;
    }
  });

  it('an unreachable server fails the attempt, not the sender', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const down = smtpMailer(`smtp://127.0.0.1:${port}`, DEFAULT_SMTP_FROM);
    try {
      const outbox = new MemoryOutbox();
      outbox.add('office@example.org');
      const sender = new OutboxSender(outbox, down, { pollMs: 50, batchSize: 20 }, quiet);
      expect(await sender.runOnce()).toEqual({ sent: 0, failed: 1 });
      expect(outbox.rows[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      down.close();
    }
  });

  it('a feedback form’s message gets its link only when sent; without one it fails and waits', async () => {
    const outbox = new MemoryOutbox();
    outbox.add('proposer@example.org', '征求意见表', `请填写征求意见表：${FEEDBACK_LINK_PLACEHOLDER}`);
    outbox.add('other@example.org', '征求意见表', `请填写征求意见表：${FEEDBACK_LINK_PLACEHOLDER}`);
    outbox.rows[0].feedbackReplyId = 'r-1';
    outbox.rows[1].feedbackReplyId = 'r-unknown';
    const links: Record<string, string> = { 'r-1': 'https://jyta.example.gov.cn/api/feedback/TOKEN-r1' };
    const sender = new OutboxSender(outbox, mailer, { pollMs: 50, batchSize: 20, feedbackLink: async (id) => links[id] }, quiet);
    expect(await sender.runOnce()).toEqual({ sent: 1, failed: 1 });
    const mail = await smtp.waitFor((m) => m.to.includes('proposer@example.org'));
    expect(mail.text).toContain('请填写征求意见表：https://jyta.example.gov.cn/api/feedback/TOKEN-r1');
    expect(mail.text).not.toContain(FEEDBACK_LINK_PLACEHOLDER);
    expect(outbox.rows[0].body).not.toContain('TOKEN-r1'); // the stored row never held it
    expect(outbox.rows[1].lastError).toMatch(/no feedback link/);
    expect(smtp.messages.some((m) => m.to.includes('other@example.org'))).toBe(false);
  });

  it('the loop picks up e-mails that arrive later, and stops', async () => {
    const outbox = new MemoryOutbox();
    const sender = new OutboxSender(outbox, mailer, { pollMs: 20, batchSize: 20 }, quiet);
    sender.start();
    sender.start(); // idempotent
    try {
      outbox.add('late@example.org', '【建议提案办理】退转期限已届满：《关于完善社区养老服务设施的建议》');
      const mail = await smtp.waitFor((m) => m.to.includes('late@example.org'), 5000);
      expect(mail.subject).toContain('退转期限已届满');
    } finally {
      await sender.stop();
    }
    const claims = outbox.claims;
    await new Promise((r) => setTimeout(r, 80));
    expect(outbox.claims).toBe(claims);
  });
});

describe('OutboxSender without SMTP_URL', () => {
  it('sends nothing, touches no outbox, and says so once', async () => {
    const outbox = new MemoryOutbox();
    outbox.add('rsj-handler@example.org');
    const log = { log: jest.fn(), warn: jest.fn(), error: jest.fn(), debug: jest.fn() };
    const sender = new OutboxSender(outbox, undefined, { pollMs: 10, batchSize: 20 }, log);
    sender.start();
    expect(await sender.runOnce()).toEqual({ sent: 0, failed: 0 });
    await sender.stop();
    expect(outbox.claims).toBe(0);
    expect(log.log).toHaveBeenCalledTimes(1);
    expect(log.log.mock.calls[0][0]).toContain('SMTP_URL');
  });
});

describe('outboxConfigFromEnv', () => {
  it('defaults: no SMTP, noreply@jyta.local, every 5 s', () => {
    expect(outboxConfigFromEnv({})).toEqual({ smtpUrl: undefined, from: 'noreply@jyta.local', pollMs: 5000, batchSize: 20, publicBaseUrl: 'http://localhost:3000' });
  });
  it('reads SMTP_URL, SMTP_FROM and OUTBOX_POLL_MS', () => {
    expect(outboxConfigFromEnv({ SMTP_URL: 'smtps://u:p@mail.example.org:465', SMTP_FROM: 'banli@example.gov.cn', OUTBOX_POLL_MS: '1000' })).toEqual({
      smtpUrl: 'smtps://u:p@mail.example.org:465',
      from: 'banli@example.gov.cn',
      pollMs: 1000,
      batchSize: 20,
      publicBaseUrl: 'http://localhost:3000',
    });
    expect(outboxConfigFromEnv({ PUBLIC_BASE_URL: 'https://jyta.example.gov.cn/' }).publicBaseUrl).toBe('https://jyta.example.gov.cn');
    expect(() => outboxConfigFromEnv({ PUBLIC_BASE_URL: 'jyta.example.gov.cn' })).toThrow(/PUBLIC_BASE_URL/);
  });
  it.each([
    [{ SMTP_URL: 'http://mail.example.org' }, /SMTP_URL/],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL/],
    [{ OUTBOX_POLL_MS: 'soon' }, /OUTBOX_POLL_MS/],
  ])('refuses %j', (env, message) => {
    expect(() => outboxConfigFromEnv(env)).toThrow(message);
  });
  it('never logs the password', () => {
    expect(redactUrl('smtp://user:secret@mail.example.org:587')).toBe('smtp://user:***@mail.example.org:587');
  });
});
