// The deployment's signing key: made once in the data directory (0600) and reused; or the configured file.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_KEY_FILE, loadSigningKey } from '../../../gateway/src/receipts/keys.js';

const dirs: string[] = [];
const tmp = async () => { const d = await mkdtemp(path.join(os.tmpdir(), 'kytb-keys-')); dirs.push(d); return d; };
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });

describe('the document signing key', () => {
  test('without a configured file, a key is made at first start in <DATA_DIR>/keys (mode 0600) and the same key is used afterwards', async () => {
    const dataDir = await tmp();
    const first = await loadSigningKey({ dataDir });
    const file = path.join(dataDir, DEFAULT_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = await loadSigningKey({ dataDir });
    expect(again.keyId).toBe(first.keyId);
    const concurrent = await Promise.all([1, 2, 3].map(async () => loadSigningKey({ dataDir: await tmp() })));
    expect(new Set(concurrent.map((k) => k.keyId)).size).toBe(3);
  });

  test('two processes starting at once on one data directory end up with one key', async () => {
    const dataDir = await tmp();
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadSigningKey({ dataDir })));
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
  });

  test('the key id is the first 16 hex digits of SHA-256 over the public key’s SPKI DER; the JWK is an Ed25519 OKP key', async () => {
    const key = await loadSigningKey({ dataDir: await tmp() });
    const spki = key.publicKey.export({ type: 'spki', format: 'der' });
    expect(key.keyId).toBe(createHash('sha256').update(spki).digest('hex').slice(0, 16));
    expect(key.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: key.keyId, alg: 'EdDSA' });
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
  });

  test('a configured PKCS#8 file is used; a key that is not Ed25519 is refused with the variable’s name', async () => {
    const dir = await tmp();
    const good = path.join(dir, 'ed.pem');
    await writeFile(good, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const key = await loadSigningKey({ keyFile: good, dataDir: dir });
    expect(key.alg).toBe('Ed25519');
    const rsa = path.join(dir, 'rsa.pem');
    await writeFile(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(loadSigningKey({ keyFile: rsa, dataDir: dir })).rejects.toThrow(/RECEIPT_SIGNING_KEY_FILE.*Ed25519/);
  });
});
