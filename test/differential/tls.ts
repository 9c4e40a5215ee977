import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Makes a throwaway self-signed certificate with its key in one PEM file (the form `bind ... ssl crt`
 * reads) inside `dir`, and returns its path. Nothing secret is ever committed: the key lives for one run.
 */
export function makeSelfSignedPem(dir: string): string {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=localhost', '-keyout', key, '-out', cert],
    { stdio: 'pipe' },
  );
  const pem = path.join(dir, 'bundle.pem');
  fs.writeFileSync(pem, fs.readFileSync(cert, 'utf8') + fs.readFileSync(key, 'utf8'));
  return pem;
}
