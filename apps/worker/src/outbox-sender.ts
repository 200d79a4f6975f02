/**
 * Drains the e-mail outbox (written by the `notifications` projection) over SMTP. Configured by
 * env: SMTP_URL (smtp://user:pass@host:587, smtps://…:465; unset = send nothing), SMTP_FROM
 * (default noreply@jyta.local), OUTBOX_POLL_MS (default 5000).
 */
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Pool } from 'pg';
import { createPool } from '@jyta/db';
import { PostgresOutbox, withFeedbackLink, type OutboxMessage, type OutboxStore } from '@jyta/notifications';
import { feedbackTokenForReply, feedbackTokenKeyFromEnv } from '@jyta/proposal-registry';

export const DEFAULT_SMTP_FROM = 'noreply@jyta.local';

export interface OutboxSenderConfig {
  /** unset: nothing is sent (the rows wait in the outbox) */
  smtpUrl?: string;
  from: string;
  pollMs: number;
  batchSize: number;
  /** Where proposers open links (PUBLIC_BASE_URL, default http://localhost:3000), e.g. the feedback form's. */
  publicBaseUrl: string;
}

/** Reads SMTP_URL, SMTP_FROM, OUTBOX_POLL_MS and PUBLIC_BASE_URL; throws on a value that cannot work. */
export function outboxConfigFromEnv(env: NodeJS.ProcessEnv): OutboxSenderConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new Error('SMTP_URL: expected smtp://user:password@host:587 or smtps://user:password@host:465');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`SMTP_URL: expected an smtp:// or smtps:// URL, not ${url.protocol}//`);
    if (!url.hostname) throw new Error('SMTP_URL: the host is missing');
  }
  const from = env.SMTP_FROM?.trim() || DEFAULT_SMTP_FROM;
  const rawPoll = env.OUTBOX_POLL_MS?.trim();
  const pollMs = rawPoll ? Number(rawPoll) : 5000;
  if (!Number.isInteger(pollMs) || pollMs < 10 || pollMs > 3_600_000) throw new Error(`OUTBOX_POLL_MS=${rawPoll}: expected an integer between 10 and 3600000`);
  const publicBaseUrl = (env.PUBLIC_BASE_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicBaseUrl)) throw new Error(`PUBLIC_BASE_URL=${publicBaseUrl}: expected an http(s):// URL`);
  return { smtpUrl, from, pollMs, batchSize: 20, publicBaseUrl };
}

/** The SMTP URL without its password, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

export interface Mailer {
  send(mail: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** A nodemailer SMTP transport (one pooled connection at a time, bounded timeouts). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}

type Log = Pick<Logger, 'log' | 'warn' | 'error' | 'debug'>;

/**
 * The polling loop: claim up to `batchSize` due e-mails, send each, mark it sent — or count the
 * failure, which backs off (PostgresOutbox.markFailed) until MAX_OUTBOX_ATTEMPTS. Without a
 * mailer it does nothing at all (and says so once).
 */
export class OutboxSender {
  private loop?: Promise<void>;
  private stopping = false;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;
  private saidIdle = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly mailer: Mailer | undefined,
    private readonly opts: {
      pollMs: number;
      batchSize: number;
      /**
       * The feedback form's link of a reply, opened only now: outbox rows hold a placeholder,
       * never the token (docs/CONTRACTS.md, Secrets). Never logged.
       */
      feedbackLink?: (replyId: string) => Promise<string | undefined>;
    },
    private readonly log: Log = new Logger('OutboxSender'),
  ) {}

  /** One batch; returns what happened. */
  async runOnce(): Promise<{ sent: number; failed: number }> {
    if (!this.mailer) {
      this.idleNotice();
      return { sent: 0, failed: 0 };
    }
    const batch = await this.store.claim('email', this.opts.batchSize);
    let sent = 0;
    let failed = 0;
    for (const m of batch) {
      if (await this.deliver(m)) sent++;
      else failed++;
    }
    return { sent, failed };
  }

  private async deliver(m: OutboxMessage): Promise<boolean> {
    try {
      let text = m.body;
      if (m.feedbackReplyId) {
        const link = await this.opts.feedbackLink?.(m.feedbackReplyId);
        if (!link) throw new Error(`no feedback link for reply ${m.feedbackReplyId}`);
        text = withFeedbackLink(text, link);
      }
      await this.mailer!.send({ to: m.recipient, subject: m.subject, text });
    } catch (err) {
      const e = err as { message?: string; responseCode?: number };
      const why = `${e.responseCode ? `${e.responseCode} ` : ''}${e.message ?? String(err)}`;
      this.log.warn(`e-mail ${m.id} to ${m.recipient} failed (attempt ${m.attempts + 1}): ${why}`);
      await this.store.markFailed(m, why);
      return false;
    }
    await this.store.markSent(m.id);
    return true;
  }

  private idleNotice(): void {
    if (this.saidIdle) return;
    this.saidIdle = true;
    this.log.log('SMTP_URL 未设置：邮件留在 outbox 中，不外发 / SMTP_URL not set: e-mails stay in the outbox');
  }

  /** Starts polling (idempotent). Without a mailer: logs once and polls nothing. */
  start(): void {
    if (!this.mailer) return this.idleNotice();
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Stops after the message in progress. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let full = false;
      try {
        const { sent, failed } = await this.runOnce();
        full = sent + failed >= this.opts.batchSize;
      } catch (err) {
        // Before the worker's migrations ran the table is missing: not worth an error.
        if ((err as { code?: string }).code === '42P01') this.log.debug('outbox table not there yet');
        else this.log.error(`outbox poll failed: ${(err as Error).message ?? err}`);
      }
      if (!full && !this.stopping) await this.sleep(this.opts.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        clearTimeout(this.timer);
        this.wake = undefined;
        resolve();
      };
      this.timer = setTimeout(() => this.wake?.(), ms);
    });
  }
}

/** The worker's outbox sender: its own small pool, started after bootstrap, stopped on shutdown. */
@Injectable()
export class OutboxSenderService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxSender');
  private pool?: Pool;
  private mailer?: Mailer;
  private sender?: OutboxSender;

  constructor(
    private readonly databaseUrl: string,
    private readonly config: OutboxSenderConfig,
  ) {}

  onApplicationBootstrap(): void {
    const { smtpUrl, from, pollMs, batchSize } = this.config;
    if (smtpUrl) {
      this.pool = createPool(this.databaseUrl, 2);
      this.mailer = smtpMailer(smtpUrl, from);
      this.logger.log(`sending outbox e-mails via ${redactUrl(smtpUrl)} as ${from}, polling every ${pollMs} ms`);
    }
    const pool = this.pool;
    const key = feedbackTokenKeyFromEnv(process.env);
    const feedbackLink = async (replyId: string) => {
      const token = pool ? await feedbackTokenForReply(pool, key, replyId) : undefined;
      return token ? `${this.config.publicBaseUrl}/api/feedback/${token}` : undefined;
    };
    this.sender = new OutboxSender(pool ? new PostgresOutbox(pool) : noStore, this.mailer, { pollMs, batchSize, feedbackLink }, this.logger);
    this.sender.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sender?.stop();
    this.mailer?.close();
    await this.pool?.end();
  }
}

/** Never touched: without SMTP_URL the sender claims nothing. */
const noStore: OutboxStore = {
  claim: async () => [],
  markSent: async () => undefined,
  markFailed: async () => undefined,
};
