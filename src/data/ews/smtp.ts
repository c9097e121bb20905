import net from 'node:net';
import { ChokepointError } from '../../errors.ts';

/**
 * A minimal SMTP client (RFC 5321) on node:net for an internal relay: EHLO, MAIL FROM, RCPT TO, DATA, QUIT.
 * No TLS or authentication: it speaks to a relay on the local network or host, which forwards the mail.
 */
export interface SmtpOptions {
  host: string;
  port: number;
  /** Name announced in EHLO. */
  heloName?: string;
  timeoutMs?: number;
}

export interface Mail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

const encodeHeader = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;

export function formatMessage(mail: Mail, date = new Date()): string {
  const body = Buffer.from(mail.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    `From: ${mail.from}`,
    `To: ${mail.to.join(', ')}`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

export async function sendMail(options: SmtpOptions, mail: Mail): Promise<void> {
  const socket = net.createConnection({ host: options.host, port: options.port });
  socket.setEncoding('utf8');
  socket.setTimeout(options.timeoutMs ?? 10_000);
  let buffer = '';
  const waiting: ((line: string) => void)[] = [];
  const failed = new Promise<never>((_, reject) => {
    socket.on('error', (e) =>
      reject(new ChokepointError('network', `SMTP ${options.host}:${options.port}: ${e.message}`)),
    );
    socket.on('timeout', () => {
      socket.destroy();
      reject(new ChokepointError('network', `SMTP ${options.host}:${options.port}: no answer`));
    });
  });
  failed.catch(() => undefined);
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    // A reply ends with a line "NNN text" (a hyphen after the code means more lines follow).
    let m: RegExpMatchArray | null;
    while ((m = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3}(?: [^\r\n]*)?\r\n/.exec(buffer))) {
      buffer = buffer.slice(m[0].length);
      waiting.shift()?.(m[0]);
    }
  });
  const reply = () => Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), failed]);
  const expect = async (codes: number[], step: string) => {
    const line = await reply();
    const code = Number(line.slice(0, 3));
    if (!codes.includes(code)) throw new ChokepointError('network', `SMTP ${step}: ${line.trim()}`);
  };
  const send = async (command: string, codes: number[]) => {
    socket.write(`${command}\r\n`);
    await expect(codes, command.split(' ')[0]);
  };
  try {
    await expect([220], 'greeting');
    await send(`EHLO ${options.heloName ?? 'chokepoint.localdomain'}`, [250]);
    await send(`MAIL FROM:<${mail.from}>`, [250]);
    for (const to of mail.to) await send(`RCPT TO:<${to}>`, [250, 251]);
    await send('DATA', [354]);
    // Dot-stuffing: a line starting with "." gets another.
    const data = formatMessage(mail).replace(/^\./gm, '..');
    await send(`${data}\r\n.`, [250]);
    await send('QUIT', [221]);
  } finally {
    socket.end();
  }
}
