/**
 * Prints the scrypt hash of a password for DASHBOARD_AUTH (`basic:<user>:<hash>`). The password is read from stdin,
 * so it stays out of the shell history and the process list:
 *
 *   npx tsx scripts/hash-password.ts            # type it, then Ctrl-D
 *   printf %s "$PASSWORD" | npx tsx scripts/hash-password.ts
 */
import { hashPassword } from '../lib/http-security/password-hash';

const chunks: Buffer[] = [];
process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
process.stdin.on('end', () => {
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password === '') {
    console.error('hash-password: no password on stdin');
    process.exit(1);
  }
  console.log(hashPassword(password));
});
