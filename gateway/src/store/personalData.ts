// Personal data at rest: the one codec between plain case records and what a store keeps. Pure (no
// files), so that whatever store sits behind the Store interface (the SQL one on either engine) seals the same way;
// sealedStore.ts applies it at the Store interface.
//
// - Each personal field is sealed on its own with AES-256-GCM: `pii1.<key id>.<iv>.<ciphertext>.<tag>`
//   (base64url, a fresh 12-byte IV per value). The additional data binds the value to its case id and
//   field path, so a value copied into another case or field, or altered, fails to open instead of
//   reading as wrong data. Absent optional fields stay absent.
// - Blobs (scans, result documents, the gateway's own PDFs) are sealed whole: `KYPB`, version 1, key id
//   length and key id, IV, tag, ciphertext; bound to their case id and blob name the same way.
// - `idNumberHash`, an HMAC-SHA256 of the upper-cased ID number under the keyring's lookup key, lets the
//   store find an applicant's cases without the plain number.
// Events are not sealed: they carry no personal data by design (domain/case.ts, CaseEvent.data), so
// the audit chain over them stays verifiable without any key.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { CaseRecord } from '../domain/case.js';
import type { Keyring } from './keyring.js';

/** every field of a case record that holds personal data; `result.delivery` is the partner's posting of the result */
export const PERSONAL_FIELDS = [
  'applicant.name',
  'applicant.idNumber',
  'applicant.phone',
  'applicant.address',
  'applicant.agentName',
  'delivery.address',
  'result.delivery.address',
] as const;

const PATHS = PERSONAL_FIELDS.map((f) => f.split('.'));
const VALUE_VERSION = 'pii1';
const BLOB_MAGIC = Buffer.from('KYPB', 'latin1');
const BLOB_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value or blob that does not open: altered, moved, or sealed with a key the keyring lacks. */
export class PersonalDataError extends Error {
  readonly code = 'PERSONAL_DATA_UNREADABLE';
  constructor(
    readonly caseId: string,
    /** the field path, or 'blob:<name>' */
    readonly field: string,
    why: string,
  ) {
    super(`personal data ${field} of case ${caseId} does not open: ${why}`);
    this.name = 'PersonalDataError';
  }
}

/** the plain personal values of a record, in PERSONAL_FIELDS order (to compare before and after a change) */
export type PersonalValues = readonly unknown[];

/** a sealed record of a case and the plain personal values it was sealed from */
export interface SealedFrom {
  sealed: CaseRecord;
  values: PersonalValues;
}

export interface PersonalDataCodec {
  /**
   * A copy of `plain` with its personal fields sealed and `idNumberHash` set. With `previous` (the
   * stored record and its plain values before the change), a field whose plain value did not change
   * keeps its old ciphertext.
   */
  sealCase(plain: CaseRecord, previous?: SealedFrom): CaseRecord;
  /**
   * A copy of a stored record with its personal fields opened and without `idNumberHash`. With `known`
   * (a record of the same case just sealed, and its plain values), a field whose ciphertext is the one
   * sealed there is not decrypted again.
   */
  openCase(sealed: CaseRecord, known?: SealedFrom): CaseRecord;
  personalValues(record: CaseRecord): PersonalValues;
  sealBlob(caseId: string, name: string, bytes: Buffer): Buffer;
  openBlob(caseId: string, name: string, sealed: Buffer): Buffer;
  /** the blind index of an ID number (trimmed, upper case) */
  idNumberHash(idNumber: string): string;
}

type Node = Record<string, unknown>;

function read(record: CaseRecord, path: string[]): unknown {
  let node: unknown = record;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Node)[step];
  }
  return node;
}

/** a copy of `record` whose personal fields are `change(value, field)`; only the objects on their paths are copied */
function rewrite(record: CaseRecord, change: (value: string, field: string, index: number) => string): CaseRecord {
  const out: Node = { ...record };
  const copied = new Set<unknown>([out]);
  PATHS.forEach((path, i) => {
    let parent = out;
    for (const step of path.slice(0, -1)) {
      let child = parent[step];
      if (child === null || typeof child !== 'object') return;
      if (!copied.has(child)) {
        child = { ...(child as Node) };
        copied.add(child);
        parent[step] = child;
      }
      parent = child as Node;
    }
    const last = path.at(-1) as string;
    const value = parent[last];
    if (value === undefined) return;
    const field = PERSONAL_FIELDS[i] as string;
    if (typeof value !== 'string') throw new TypeError(`${field} must be a string`);
    parent[last] = change(value, field, i);
  });
  return out as unknown as CaseRecord;
}

const aad = (keyId: string, caseId: string, field: string): Buffer => Buffer.from(`${VALUE_VERSION}\u0000${keyId}\u0000${caseId}\u0000${field}`);

export function createPersonalDataCodec(ring: Keyring): PersonalDataCodec {
  const current = ring.keys.get(ring.current);
  if (!current) throw new Error(`the keyring's current key ${ring.current} is not among its keys`);
  const sealKey = current.key;
  // the full tag, always: a decipher left to accept shorter tags would let a forger try 2^32 of them
  const gcm = { authTagLength: TAG_BYTES } as const;

  function keyOf(caseId: string, field: string, keyId: string): Buffer {
    const k = ring.keys.get(keyId);
    if (!k) throw new PersonalDataError(caseId, field, `sealed with key ${keyId}, which the keyring does not have`);
    return k.key;
  }

  function seal(caseId: string, field: string, value: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', sealKey, iv, gcm).setAAD(aad(ring.current, caseId, field));
    const ct = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return [VALUE_VERSION, ring.current, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  function open(caseId: string, field: string, sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VALUE_VERSION) throw new PersonalDataError(caseId, field, 'it is not a sealed value');
    const [, keyId, ivText, ct, tagText] = parts as [string, string, string, string, string];
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new PersonalDataError(caseId, field, 'its IV or tag has the wrong length');
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyOf(caseId, field, keyId), iv, gcm).setAAD(aad(keyId, caseId, field));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
    } catch (e) {
      if (e instanceof PersonalDataError) throw e;
      throw new PersonalDataError(caseId, field, 'altered, or moved from another case or field');
    }
  }

  const idNumberHash = (idNumber: string): string =>
    createHmac('sha256', ring.lookupKey).update(`idNumber\u0000${idNumber.trim().toUpperCase()}`).digest('hex');

  const blobAad = (header: Buffer, caseId: string, name: string): Buffer => Buffer.concat([header, Buffer.from(`\u0000${caseId}\u0000${name}`)]);

  return {
    sealCase(plain, previous) {
      const before = previous && PATHS.map((p) => read(previous.sealed, p));
      const out = rewrite(plain, (value, field, i) => {
        const old = before?.[i];
        return previous?.values[i] === value && typeof old === 'string' ? old : seal(plain.id, field, value);
      });
      out.idNumberHash = idNumberHash(plain.applicant.idNumber);
      return out;
    },

    openCase(sealed, known) {
      const ours = known?.sealed.id === sealed.id ? PATHS.map((p) => read(known.sealed, p)) : undefined;
      const out = rewrite(sealed, (value, field, i) => (ours?.[i] === value ? (known!.values[i] as string) : open(sealed.id, field, value)));
      delete out.idNumberHash;
      return out;
    },

    personalValues: (record) => PATHS.map((p) => read(record, p)),

    sealBlob(caseId, name, bytes) {
      const kid = Buffer.from(ring.current, 'latin1');
      const header = Buffer.concat([BLOB_MAGIC, Buffer.from([BLOB_VERSION, kid.length]), kid, randomBytes(IV_BYTES)]);
      const cipher = createCipheriv('aes-256-gcm', sealKey, header.subarray(-IV_BYTES), gcm).setAAD(blobAad(header, caseId, name));
      const ct = [cipher.update(bytes), cipher.final()];
      return Buffer.concat([header, cipher.getAuthTag(), ...ct]);
    },

    openBlob(caseId, name, sealed) {
      const field = `blob:${name}`;
      if (sealed.length < 6 || !sealed.subarray(0, 4).equals(BLOB_MAGIC) || sealed[4] !== BLOB_VERSION) throw new PersonalDataError(caseId, field, 'it is not a sealed blob');
      const kidEnd = 6 + (sealed[5] as number);
      const header = sealed.subarray(0, kidEnd + IV_BYTES);
      if (sealed.length < header.length + TAG_BYTES) throw new PersonalDataError(caseId, field, 'it is cut short');
      const key = keyOf(caseId, field, sealed.subarray(6, kidEnd).toString('latin1'));
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, header.subarray(kidEnd), gcm).setAAD(blobAad(header, caseId, name));
        decipher.setAuthTag(sealed.subarray(header.length, header.length + TAG_BYTES));
        return Buffer.concat([decipher.update(sealed.subarray(header.length + TAG_BYTES)), decipher.final()]);
      } catch {
        throw new PersonalDataError(caseId, field, 'altered, or moved from another case or name');
      }
    },

    idNumberHash,
  };
}
