// A throwaway self-signed certificate (P-256, one day) for the TLS tests, as an operator would get one
// from their CA: made with openssl (scripts/setup.sh installs it) in `dir`.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface TestCert { certFile: string; keyFile: string; cert: Buffer; /** SHA-256 of the key's SPKI, base64 (what Chromium can be told to trust) */ spkiSha256: string }

/** `subjectAltName` e.g. 'IP:127.0.0.1' or 'DNS:kytb.test' */
export async function selfSignedCert(dir: string, subjectAltName: string): Promise<TestCert> {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1',
    '-subj', '/CN=kytb test', '-addext', `subjectAltName=${subjectAltName}`, '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  const cert = await readFile(certFile);
  const spki = createPublicKey(cert).export({ type: 'spki', format: 'der' });
  return { certFile, keyFile, cert, spkiSha256: createHash('sha256').update(spki).digest('base64') };
}
