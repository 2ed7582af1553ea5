import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The mail server's password, encrypted at rest with AES-256-GCM. The key is derived (HKDF)
 * from the instance secret: DIRCAB_SECRET when the operator sets it (then a copy of the
 * database alone does not reveal the password), else the secret kept in the database.
 */
export function mailKey(instanceSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', instanceSecret, 'dircab', 'mail-settings-password', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url parts: the version lets the scheme change later. */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(sealed: string, key: Buffer): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unreadable encrypted mail password.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

let configuredKey: Buffer | undefined;

/**
 * Set once when the app is built (registerMailer): `sendMail` is called from jobs and
 * commands that have the database but not the configuration. One instance, one secret.
 */
export function configureMailKey(instanceSecret: string): void {
  configuredKey = mailKey(instanceSecret);
}

export function currentMailKey(): Buffer {
  if (!configuredKey) throw new Error('The mailer is not registered (registerMailer was not called).');
  return configuredKey;
}
