// Is this PDF a document the gateway signed, unaltered, and which case is it about? One implementation
// for the API (verifyReceipt), the command-line verifier and the tests.
import { verify as verifySignature, type KeyObject } from 'node:crypto';
import type { DocumentType } from '../domain/case.js';
import type { AnyFacts } from './facts.js';
import { SIG_HEX_LENGTH, locateSignature, sha256Hex, signedDigest, signedMessage } from './sigFormat.js';

export type VerifyReason =
  | 'NOT_PDF' | 'NO_SIGNATURE' | 'SIGNATURE_MALFORMED' | 'BYTE_RANGE_MISMATCH' | 'UNKNOWN_KEY' | 'FACTS_ALTERED' | 'CONTENT_ALTERED';

export const REASON_TEXT: Readonly<Record<VerifyReason, string>> = {
  NOT_PDF: '文件不是 PDF',
  NO_SIGNATURE: '文件中没有本网关的电子签名',
  SIGNATURE_MALFORMED: '电子签名的格式不正确或不止一处',
  BYTE_RANGE_MISMATCH: '签名覆盖的范围与文件不符（签名后文件被追加、截断或改动）',
  UNKNOWN_KEY: '签名密钥不是本网关的密钥',
  FACTS_ALTERED: '签名所覆盖的办件信息已被改动',
  CONTENT_ALTERED: '签名校验失败：文件内容已被改动',
};

export interface Verdict {
  genuine: boolean;
  reason?: VerifyReason;
  reasonText?: string;
  /** set only when genuine: what a file that is not genuine claims is not reported as fact */
  keyId?: string;
  facts?: AnyFacts;
}

/** keys the verifier trusts, by key id */
export type Keyring = ReadonlyMap<string, KeyObject>;

const refuse = (reason: VerifyReason, extra: Partial<Verdict> = {}): Verdict => ({ genuine: false, reason, reasonText: REASON_TEXT[reason], ...extra });

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1').includes('%PDF-');
}

export function verifyDocument(bytes: Uint8Array, keys: Keyring): Verdict {
  if (!isPdf(bytes)) return refuse('NOT_PDF');
  const found = locateSignature(bytes);
  if (!found.ok) return refuse(found.reason);
  const f = found.fields;
  const [start, firstLength, secondStart, secondLength] = f.byteRange;
  if (start !== 0 || firstLength !== f.contentsAt || secondStart !== f.contentsAt + SIG_HEX_LENGTH || secondStart + secondLength !== bytes.byteLength) {
    return refuse('BYTE_RANGE_MISMATCH');
  }
  if (sha256Hex(Buffer.from(f.factsJson, 'utf8')) !== f.factsSha256) return refuse('FACTS_ALTERED');
  const key = keys.get(f.keyId);
  if (!key) return refuse('UNKNOWN_KEY');
  const message = signedMessage(f.keyId, f.factsSha256, signedDigest(bytes, f.contentsAt));
  if (!verifySignature(null, message, key, Buffer.from(f.signatureHex, 'hex'))) return refuse('CONTENT_ALTERED');
  // only now are the facts ours: signed with our key over exactly these bytes
  const facts = parseFacts(f.factsJson);
  if (!facts) return refuse('FACTS_ALTERED');
  return { genuine: true, keyId: f.keyId, facts };
}

function parseFacts(json: string): AnyFacts | undefined {
  try {
    const facts: unknown = JSON.parse(json);
    return facts !== null && typeof facts === 'object' && !Array.isArray(facts) ? (facts as AnyFacts) : undefined;
  } catch {
    return undefined;
  }
}

/** what the API and the command line report of a verdict */
export function verdictSummary(v: Verdict) {
  const f = v.genuine ? v.facts : undefined;
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  const int = (x: unknown): number | null => (Number.isSafeInteger(x) ? (x as number) : null);
  return {
    genuine: v.genuine,
    reason: v.reason ?? null,
    reasonText: v.reasonText ?? null,
    keyId: v.genuine ? v.keyId ?? null : null,
    documentId: text(f?.documentId),
    documentType: text(f?.documentType) as DocumentType | null,
    caseId: text(f?.caseId),
    caseNo: text(f?.caseNo),
    issuedAt: text(f?.issuedAt),
    copy: typeof f?.copy === 'boolean' ? f.copy : null,
    reprintNo: int(f?.reprintNo),
    printedAt: text(f?.printedAt),
  };
}
