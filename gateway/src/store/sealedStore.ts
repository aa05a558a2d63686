// The Store with personal data sealed at rest (personalData.ts), for any store behind the interface:
// what goes in is sealed, what comes out is opened, so the use cases, the partner mappings and the
// views keep seeing plain values, and the store underneath never does. A value that does not open
// fails the call (PersonalDataError) rather than being passed on.
import type { PersonalDataCodec, SealedFrom } from './personalData.js';
import type { CaseRecord } from '../domain/case.js';
import type { CaseQuery, Store } from './types.js';

type Sealed = Pick<Store, 'createCase' | 'getCase' | 'updateCase' | 'listCases' | 'putBlob' | 'getBlob'>;

/** the methods of `inner` that see personal data, sealing and opening around it */
function sealedMethods(inner: Store, codec: PersonalDataCodec): Sealed {
  return {
    async createCase(record, events, blobs) {
      const sealed = codec.sealCase(record);
      const written = await inner.createCase(sealed, events, blobs?.map((b) => ({ name: b.name, bytes: codec.sealBlob(record.id, b.name, b.bytes) })));
      return { record: codec.openCase(written.record, { sealed, values: codec.personalValues(record) }), events: written.events };
    },

    async getCase(id) {
      const stored = await inner.getCase(id);
      return stored && codec.openCase(stored);
    },

    async updateCase(id, mutate, opts) {
      let known: SealedFrom | undefined;
      let plain: CaseRecord | undefined;
      const { blobs } = opts ?? {};
      const sealedOpts = blobs ? { ...opts, blobs: () => blobs(plain!).map((b) => ({ name: b.name, bytes: codec.sealBlob(id, b.name, b.bytes) })) } : opts;
      const written = await inner.updateCase(id, async (stored) => {
        const draft = codec.openCase(stored);
        plain = draft;
        const before = codec.personalValues(draft);
        const events = await mutate(draft);
        const sealed = codec.sealCase(draft, { sealed: stored, values: before });
        known = { sealed, values: codec.personalValues(draft) };
        // the inner store keeps the object it handed out: its content becomes the sealed record
        for (const key of Object.keys(stored)) delete (stored as unknown as Record<string, unknown>)[key];
        Object.assign(stored, sealed);
        return events;
      }, sealedOpts);
      return { record: codec.openCase(written.record, known), events: written.events };
    },

    listCases(query) {
      if (query.idNumber === undefined) return inner.listCases(query);
      const { idNumber, ...rest }: CaseQuery = query;
      return inner.listCases({ ...rest, idNumberHash: codec.idNumberHash(idNumber) });
    },

    putBlob: (caseId, name, bytes) => inner.putBlob(caseId, name, codec.sealBlob(caseId, name, bytes)),

    async getBlob(caseId, name) {
      return codec.openBlob(caseId, name, await inner.getBlob(caseId, name));
    },
  };
}

/**
 * `inner` with its personal data sealed. Stores here are objects of closures (createSqlStore), so the
 * copy keeps every other method (the outbox's claims and leases among them) as it is.
 */
export function withSealedPersonalData<S extends Store>(inner: S, codec: PersonalDataCodec): S {
  return { ...inner, ...sealedMethods(inner, codec) };
}
