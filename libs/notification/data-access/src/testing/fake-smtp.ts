/**
 * A tiny SMTP server for tests (not exported from the package entry point): it speaks just
 * enough of RFC 5321 for nodemailer — 220 greeting, EHLO/HELO, AUTH PLAIN/LOGIN, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT — and keeps every message it accepts.
 *
 *   const smtp = await startFakeSmtp();        // smtp.url = smtp://user:pass@127.0.0.1:<port>
 *   …; await smtp.waitFor((m) => m.to.includes('a@b.c')); await smtp.close();
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** the DATA as sent (dot-unstuffed), headers and body */
  raw: string;
  /** the Subject header, RFC 2047 words decoded */
  subject: string;
  /** the (single-part) text body, transfer encoding undone */
  text: string;
  /** AUTH credentials given on the connection, if any */
  auth?: { user: string; pass: string };
}

export interface FakeSmtp {
  port: number;
  /** smtp://user:pass@127.0.0.1:port */
  url: string;
  messages: ReceivedMail[];
  /** While set, RCPT TO for a matching address answers 550 (a permanent failure for the sender). */
  rejectRecipient?: (address: string) => boolean;
  /** Resolves with the first message (already received or arriving) matching `pred`. */
  waitFor(pred: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const b64 = (s: string) => Buffer.from(s, 'base64').toString('utf8');

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? b64(text)
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Subject and text body of a single-part message. */
export function parseMessage(raw: string): { subject: string; text: string; headers: Map<string, string> } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const cte = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text = cte === 'base64' ? b64(body.replace(/\s+/g, '')) : cte === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  return { subject: decodeHeader(headers.get('subject') ?? ''), text, headers };
}

export async function startFakeSmtp(opts: { user?: string; pass?: string } = {}): Promise<FakeSmtp> {
  const user = opts.user ?? 'user';
  const pass = opts.pass ?? 'pass';
  const sockets = new Set<Socket>();
  const waiters: { pred: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = [];

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let inData = false;
    let data: string[] = [];
    let from = '';
    let to: string[] = [];
    let auth: ReceivedMail['auth'];
    let loginStep: 'user' | 'pass' | undefined;
    let loginUser = '';

    const command = (line: string) => {
      if (loginStep === 'user') {
        loginUser = b64(line);
        loginStep = 'pass';
        return reply('334 UGFzc3dvcmQ6');
      }
      if (loginStep === 'pass') {
        loginStep = undefined;
        auth = { user: loginUser, pass: b64(line) };
        return reply('235 2.7.0 Authentication successful');
      }
      const verb = line.split(' ')[0].toUpperCase();
      switch (verb) {
        case 'EHLO':
          reply('250-fake-smtp greets you');
          reply('250-AUTH PLAIN LOGIN');
          return reply('250 8BITMIME');
        case 'HELO':
          return reply('250 fake-smtp');
        case 'AUTH': {
          const [, mech, initial] = line.split(' ');
          if (mech?.toUpperCase() === 'PLAIN' && initial) {
            const [, u, p] = b64(initial).split('\u0000');
            auth = { user: u, pass: p };
            return reply('235 2.7.0 Authentication successful');
          }
          if (mech?.toUpperCase() === 'LOGIN') {
            loginStep = 'user';
            return reply('334 VXNlcm5hbWU6');
          }
          return reply('504 5.5.4 Unrecognized authentication type');
        }
        case 'MAIL':
          from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          to = [];
          return reply('250 2.1.0 OK');
        case 'RCPT': {
          const address = /<([^>]*)>/.exec(line)?.[1] ?? '';
          if (fake.rejectRecipient?.(address)) return reply(`550 5.1.1 <${address}>: mailbox unavailable`);
          to.push(address);
          return reply('250 2.1.5 OK');
        }
        case 'DATA':
          inData = true;
          data = [];
          return reply('354 End data with <CR><LF>.<CR><LF>');
        case 'RSET':
          from = '';
          to = [];
          return reply('250 2.0.0 OK');
        case 'NOOP':
          return reply('250 2.0.0 OK');
        case 'QUIT':
          reply('221 2.0.0 Bye');
          return socket.end();
        default:
          return reply('502 5.5.2 Command not recognized');
      }
    };

    const dataLine = (line: string) => {
      if (line === '.') {
        inData = false;
        const raw = data.join('\r\n');
        const { subject, text } = parseMessage(raw);
        const mail: ReceivedMail = { from, to, raw, subject, text, auth };
        fake.messages.push(mail);
        for (const w of [...waiters]) {
          if (w.pred(mail)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(mail);
          }
        }
        return reply('250 2.0.0 OK: queued');
      }
      data.push(line.startsWith('..') ? line.slice(1) : line);
    };

    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) dataLine(line);
        else command(line);
      }
    });
    reply('220 fake-smtp ESMTP ready');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };

  const fake: FakeSmtp = {
    port,
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages: [],
    waitFor(pred, timeoutMs = 30_000) {
      const found = fake.messages.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no matching e-mail within ${timeoutMs} ms (received ${fake.messages.length})`));
        }, timeoutMs);
        const w = {
          pred,
          resolve: (m: ReceivedMail) => {
            clearTimeout(timer);
            resolve(m);
          },
        };
        waiters.push(w);
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
