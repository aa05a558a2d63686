// The gateway's document-signing key pair (Ed25519, one per deployment). Configured as a PKCS#8 PEM
// file (RECEIPT_SIGNING_KEY_FILE); without one, a key is made at first start in
// <DATA_DIR>/keys/receipt-signing-key.pem (mode 0600) and used from then on.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_KEY_FILE = path.join('keys', 'receipt-signing-key.pem');

export interface PublicSigningKey {
  keyId: string;
  alg: 'Ed25519';
  publicKeyPem: string;
  jwk: { kty: string; crv: string; x: string; kid: string; alg: 'EdDSA'; use: 'sig' };
}

export interface SigningKey extends PublicSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** first 16 hex digits of SHA-256 over the public key's SPKI DER */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function publicKeyOf(publicKey: KeyObject): PublicSigningKey {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(`not an Ed25519 public key (${String(publicKey.asymmetricKeyType)})`);
  const keyId = keyIdOf(publicKey);
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  return {
    keyId,
    alg: 'Ed25519',
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: keyId, alg: 'EdDSA', use: 'sig' },
  };
}

export function signingKeyFromPem(pem: string | Buffer, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (e) {
    throw new Error(`${source}: not a PKCS#8 PEM private key (${(e as Error).message})`, { cause: e });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${source}: the key must be Ed25519, not ${String(privateKey.asymmetricKeyType)}`);
  const publicKey = createPublicKey(privateKey);
  return { ...publicKeyOf(publicKey), privateKey, publicKey };
}

export function generateSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signingKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }), 'generated key');
}

/** The configured key, or the deployment's own one in the data directory (made on first use). */
export async function loadSigningKey(opts: { keyFile?: string; dataDir: string }): Promise<SigningKey> {
  if (opts.keyFile) return signingKeyFromPem(await readFile(opts.keyFile), `RECEIPT_SIGNING_KEY_FILE (${opts.keyFile})`);
  const file = path.join(opts.dataDir, DEFAULT_KEY_FILE);
  try {
    return signingKeyFromPem(await readFile(file), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const made = generateSigningKey();
  // written whole to a temporary file, then linked into place: link() fails if another process got
  // there first, and nobody ever reads a half-written key
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(made.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, file);
    return made;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return signingKeyFromPem(await readFile(file), file);
  } finally {
    await unlink(tmp);
  }
}
