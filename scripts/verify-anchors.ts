// Command-line check of a copy of the audit anchor log (DATA_DIR/audit-anchors.jsonl), away from the
// gateway: every record numbered in order, linked to the one before, its hash that of its content and
// signed with the gateway's key; and each anchor an operator copied earlier (GET /api/audit/anchor,
// `latest.n` and `latest.hash`) still in it. The same check as the gateway's start (gateway/src/audit/anchors.ts).
//
//   npm run verify-anchors -- <audit-anchors.jsonl> --key <public or private key PEM> [--expect <n>:<hash> ...]
//
// Exit status: 0 sound (and every expected anchor present), 1 not, 2 usage error.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkAnchorLog } from '../gateway/src/audit/anchors.js';
import { keyIdOf } from '../gateway/src/receipts/keys.js';

const USAGE = 'usage: npm run verify-anchors -- <audit-anchors.jsonl> --key <key.pem> [--expect <n>:<hash> ...]';

class UsageError extends Error {}

interface Args { file: string; key: string; expect: Array<{ n: number; hash: string }> }

function parseArgs(argv: string[]): Args {
  const out: { file?: string; key?: string; expect: Args['expect'] } = { expect: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--key' || a === '--expect') {
      const v = argv[(i += 1)];
      if (!v) throw new UsageError(`${a} needs a value`);
      if (a === '--key') {
        out.key = v;
      } else {
        const m = /^([1-9][0-9]*):([0-9a-f]{64})$/.exec(v);
        if (!m) throw new UsageError(`--expect takes <n>:<64 hex digits>, not ${v}`);
        out.expect.push({ n: Number(m[1]), hash: m[2]! });
      }
    } else if (a === '-h' || a === '--help') {
      throw new UsageError('');
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (out.file) {
      throw new UsageError('one log at a time');
    } else {
      out.file = a;
    }
  }
  if (!out.file) throw new UsageError('which log file?');
  if (!out.key) throw new UsageError('--key is needed: the gateway\'s public key (GET /api/receipts/signing-keys, publicKeyPem)');
  return out as Args;
}

async function main(): Promise<number> {
  let args: Args;
  let bytes: Buffer;
  let key: KeyObject;
  try {
    args = parseArgs(process.argv.slice(2));
    bytes = await readFile(args.file).catch((e: Error) => { throw new UsageError(`cannot read ${args.file}: ${e.message}`); });
    key = await readFile(args.key).then((pem) => createPublicKey(pem)).catch((e: Error) => { throw new UsageError(`cannot read a key from ${args.key}: ${e.message}`); });
    if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`${args.key} is not an Ed25519 key`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) console.error(`verify-anchors: ${e.message}`);
    console.error(USAGE);
    return 2;
  }
  const keyId = keyIdOf(key);
  const checked = checkAnchorLog(bytes, { keyId, publicKey: key });
  const last = checked.records.at(-1)?.record;
  const problems: string[] = [];
  if (checked.broken) problems.push(`记录 ${checked.broken.n} 未通过校验 (record ${checked.broken.n} fails): ${checked.broken.reason}`);
  if (!checked.broken && checked.end < bytes.length) console.log(`注意: 最后一行不完整（写入时中断），未计入 (a torn last line of ${bytes.length - checked.end} bytes is not counted)`);
  for (const e of args.expect) {
    const r = checked.records[e.n - 1]?.record;
    if (!r) problems.push(`锚点 ${e.n} 不在日志中 (anchor ${e.n} is not in the log${checked.broken ? ' before the broken record' : ''})`);
    else if (r.hash !== e.hash) problems.push(`锚点 ${e.n} 与留存副本不一致 (anchor ${e.n} differs from the copy: ${r.hash} ≠ ${e.hash}): 日志被改写`);
  }
  const cases = new Set(checked.records.flatMap((r) => Object.keys(r.record.cases))).size;
  if (problems.length === 0) {
    console.log(`完好 SOUND: ${checked.records.length} 条锚点记录，覆盖 ${cases} 件办件，签名密钥 ${keyId}`);
    if (last) console.log(`  最新 latest: n=${last.n} at=${last.at} hash=${last.hash}`);
    for (const e of args.expect) console.log(`  与留存副本一致 matches the copy: n=${e.n}`);
    return 0;
  }
  console.log(`未通过 NOT SOUND (${checked.records.length} 条记录通过 passed before the first problem)`);
  for (const p of problems) console.log(`  ${p}`);
  return 1;
}

process.exitCode = await main();
