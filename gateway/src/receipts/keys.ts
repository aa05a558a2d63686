// The gateway's document-signing key pair (Ed25519, one per deployment). Configured as a PKCS#8 PEM
// file (RECEIPT_SIGNING_KEY_FILE); without one, a key is made at first start in
// <DATA_DIR>/keys/receipt-signing-key.pem (mode 0600) and used from then on.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { readKeyFile, readOrCreateKeyFile } from '../store/keyFiles.js';

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
  if (opts.keyFile) return signingKeyFromPem(await readKeyFile(opts.keyFile), `RECEIPT_SIGNING_KEY_FILE (${opts.keyFile})`);
  const file = path.join(opts.dataDir, DEFAULT_KEY_FILE);
  const pem = await readOrCreateKeyFile(file, () => String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' })));
  return signingKeyFromPem(pem, file);
}
