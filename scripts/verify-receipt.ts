// Command-line verifier of the gateway's documents (受理回执 …): is this PDF genuine and unaltered, and
// which case is it about? The same verification code as the API (gateway/src/receipts/verify.ts).
//
//   npm run verify-receipt -- <file.pdf> [--key <public or private key PEM> | --url <gateway base URL>]
//
// Without --key or --url the keys are fetched from $GATEWAY_URL or http://127.0.0.1:8080.
// Exit status: 0 genuine, 1 not genuine, 2 usage error (bad arguments, unreadable file, no keys).
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { keyIdOf } from '../gateway/src/receipts/keys.js';
import { DOCUMENT_TITLES } from '../gateway/src/receipts/facts.js';
import { verdictSummary, verifyDocument, type Keyring } from '../gateway/src/receipts/verify.js';

const USAGE = 'usage: npm run verify-receipt -- <file.pdf> [--key <key.pem> | --url <gateway url>]';

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; key?: string; url?: string } {
  const out: { file?: string; key?: string; url?: string } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--key' || a === '--url') {
      const v = argv[(i += 1)];
      if (!v) throw new UsageError(`${a} needs a value`);
      out[a.slice(2) as 'key' | 'url'] = v;
    } else if (a === '-h' || a === '--help') {
      throw new UsageError('');
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (out.file) {
      throw new UsageError('one file at a time');
    } else {
      out.file = a;
    }
  }
  if (!out.file) throw new UsageError('which file?');
  if (out.key && out.url) throw new UsageError('--key or --url, not both');
  return out as { file: string; key?: string; url?: string };
}

async function keyring(opts: { key?: string; url?: string }): Promise<Keyring> {
  if (opts.key) {
    let key: KeyObject;
    try {
      key = createPublicKey(await readFile(opts.key));
    } catch (e) {
      throw new UsageError(`cannot read a key from ${opts.key}: ${(e as Error).message}`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`${opts.key} is not an Ed25519 key`);
    return new Map([[keyIdOf(key), key]]);
  }
  const base = (opts.url ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  let body: { keys?: Array<{ keyId: string; publicKeyPem: string }> };
  try {
    const res = await fetch(`${base}/api/receipts/signing-keys`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    body = (await res.json()) as typeof body;
  } catch (e) {
    throw new UsageError(`cannot fetch the gateway's keys from ${base}/api/receipts/signing-keys: ${(e as Error).message}`);
  }
  const ring = new Map<string, KeyObject>();
  for (const k of body.keys ?? []) {
    const key = createPublicKey(k.publicKeyPem);
    // a published key is trusted under the id its own bytes give, not the id the server claims
    if (keyIdOf(key) === k.keyId) ring.set(k.keyId, key);
  }
  if (ring.size === 0) throw new UsageError(`${base} published no usable key`);
  return ring;
}

async function main(): Promise<number> {
  let args;
  let bytes: Buffer;
  let keys: Keyring;
  try {
    args = parseArgs(process.argv.slice(2));
    bytes = await readFile(args.file).catch((e: Error) => { throw new UsageError(`cannot read ${args!.file}: ${e.message}`); });
    keys = await keyring(args);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) console.error(`verify-receipt: ${e.message}`);
    console.error(USAGE);
    return 2;
  }
  const v = verdictSummary(verifyDocument(bytes, keys));
  const what = v.documentType ? `${DOCUMENT_TITLES[v.documentType]}${v.copy ? `（副本，第 ${v.reprintNo} 次补打）` : ''}` : '文书';
  if (v.genuine) {
    console.log(`真实有效 GENUINE: ${what}`);
    console.log(`  办件编号 caseNo: ${v.caseNo}`);
    console.log(`  办件 caseId:     ${v.caseId}`);
    console.log(`  文书编号 document: ${v.documentId}`);
    console.log(`  出具时间 issuedAt: ${v.issuedAt}${v.printedAt ? `（打印 ${v.printedAt}）` : ''}`);
    console.log(`  签名密钥 keyId:    ${v.keyId}`);
    return 0;
  }
  console.log(`核验不通过 NOT GENUINE: ${v.reasonText} (${v.reason})`);
  return 1;
}

process.exitCode = await main();
