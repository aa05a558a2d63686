// Our case ⇄ {{NAME}}'s API bodies: pure functions, one per contract operation that carries case data,
// and the code tables between our vocabulary and the region's. A code with no entry is an error, never
// a default: a wrong 证件类型 or status must not travel silently.
import type { ApplicantKind, IdType } from '../../gateway/src/domain/case.js';
import type { HandoffAck, OutboundCase, PartnerReportedStatus, PartnerStatusUpdate } from '../../gateway/src/ports/partner.js';
import type { CaseReceipt, CaseStatus, PartnerIdType, StatusEvent, SubmitCaseRequest } from './types.js';

export class UnmappedCodeError extends Error {
  constructor(readonly table: string, readonly code: string) {
    super(`${table}: no mapping for code "${code}"`);
    this.name = 'UnmappedCodeError';
  }
}

function lookup<K extends string, V>(table: string, entries: Readonly<Record<K, V>>, code: string): V {
  if (!Object.hasOwn(entries, code)) throw new UnmappedCodeError(table, code);
  return entries[code as K];
}

/** 证件类型 GA/T 2000.156 → {{NAME}} (假设: the region keeps the GA/T codes; 待确认 its own table) */
export const ID_TYPE_TO_PARTNER: Readonly<Record<IdType, PartnerIdType>> = {
  '111': '111', '112': '112', '113': '113', '414': '414', '511': '511', '516': '516', '553': '553', '990': '990',
};

export function toPartnerIdType(idType: string, kind: ApplicantKind): PartnerIdType {
  if (kind === 'organization' && idType === '990') return 'USCC';
  return lookup('证件类型 GA/T 2000.156 → {{NAME}}', ID_TYPE_TO_PARTNER, idType);
}

/** {{NAME}} status → canonical */
export const STATUS_TO_CANONICAL: Readonly<Record<CaseStatus, PartnerReportedStatus>> = {
  RECEIVED: 'forwarded',
  ACCEPTED: 'accepted',
  REJECTED: 'rejected',
  COMPLETED: 'completed',
};

export const toCanonicalStatus = (code: string): PartnerReportedStatus => lookup('{{NAME}}办件状态', STATUS_TO_CANONICAL, code);

/** an instant the region wrote (any explicit offset) → ISO 8601 UTC; one without an offset is refused */
export function fromPartnerDateTime(s: string): string {
  const t = /(Z|[+-]\d{2}:\d{2})$/.test(s) ? Date.parse(s) : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`not a date-time with offset: "${s}"`);
  return new Date(t).toISOString();
}

/** operationId submitCase. Of the applicant only what the region needs to decide and to reach them
 *  (PIPL); the address travels only when the result is posted. `contents`: each material's bytes by id. */
export function toSubmitCaseRequest(c: OutboundCase, contents: ReadonlyMap<string, Buffer>): SubmitCaseRequest {
  const a = c.applicant;
  return {
    caseNo: c.caseNo,
    itemCode: c.itemCode,
    implementationCode: c.implementationCode,
    itemName: c.itemName,
    acceptRegion: c.acceptRegion,
    applicant: { kind: a.kind === 'organization' ? 'ORGANIZATION' : 'PERSON', name: a.name, idType: toPartnerIdType(a.idType, a.kind), idNumber: a.idNumber, phone: a.phone },
    materials: c.materials.map((m) => {
      const bytes = contents.get(m.id);
      if (!bytes) throw new Error(`material ${m.id} of ${c.caseNo} was not read`);
      return { code: m.code, name: m.name, fileName: m.fileName, mediaType: m.mediaType as SubmitCaseRequest['materials'][number]['mediaType'], size: m.size, sha256: m.sha256, contentBase64: bytes.toString('base64') };
    }),
    promisedAt: c.promisedAt,
    submittedAt: c.submittedAt,
    resultByPost: c.delivery.byPost,
    ...(c.delivery.byPost && c.delivery.address ? { postAddress: c.delivery.address } : {}),
  };
}

/** submitCase's receipt as our acknowledgement */
export function toHandoffAck(r: CaseReceipt): HandoffAck {
  return { partnerRef: r.ref, partnerStatus: r.status, status: toCanonicalStatus(r.status) };
}

/** webhook caseStatusChanged */
export function fromStatusEvent(e: StatusEvent): PartnerStatusUpdate {
  const u: PartnerStatusUpdate = {
    partnerRef: e.ref, caseNo: e.caseNo, status: toCanonicalStatus(e.status), partnerStatus: e.status,
    occurredAt: fromPartnerDateTime(e.occurredAt), eventId: e.eventId,
  };
  if (e.reason) u.reason = e.reason;
  if (e.result) {
    const { documentName, certificateNo, document, byPost, trackingNo } = e.result;
    u.result = {
      documentName,
      ...(certificateNo ? { certificateNo } : {}),
      document: { fileName: document.fileName, mediaType: document.mediaType, contentBase64: document.contentBase64, sha256: document.sha256 },
      delivery: byPost ? { byPost: true, ...(trackingNo ? { trackingNo } : {}) } : { byPost: false, electronic: true },
    };
  }
  return u;
}
