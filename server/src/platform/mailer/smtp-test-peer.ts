import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpPeer {
  port: number;
  /** Every message received, parsed, in arrival order. */
  messages: ParsedMail[];
  /** The credentials clients signed in with. */
  logins: { username: string; password: string }[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random local port, for tests (no outside network): plain SMTP,
 * login optional and accepted over plain text, messages parsed with mailparser. Tests that
 * send mail (the mailer, acknowledgements, replies) start their own.
 */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const messages: ParsedMail[] = [];
  const logins: SmtpPeer['logins'] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? '', password: auth.password ?? '' });
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
