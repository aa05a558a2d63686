// Nearly valid requests: a valid request with one thing wrong - its JSON body (a field missing, extra,
// of the wrong type, too long, with NUL or a lone surrogate), its authentication (a tampered token or
// signature, a stale timestamp, a short nonce), a path parameter that names nothing, or a header
// parameter the contract requires. Where the contract (or the partner's signature) says the request is
// wrong, it must be refused; whatever it is, it must be answered as the contract says.
import fc from 'fast-check';
import { refused, summary } from './answers.js';
import type { Answer, FuzzRequest, Ready } from './http.js';
import type { Fixtures } from './fuzzWorld.js';
import { mutate } from './mutate.js';
import { contract, headerParams, jsonSchemaOf, pathParams, type Operation } from './operations.js';
import { toRequest, validBuilt, type Built } from './requests.js';
import type { Generator } from './schemaArbitrary.js';
import { CERTAIN_CLERK, CERTAIN_HMAC, CERTAIN_NINGXIA, CERTAIN_XUHUI, CLERK_FLAWS, HMAC_FLAWS, NINGXIA_FLAWS, XUHUI_FLAWS } from './signing.js';

export const mustBeRefused = (why: string) => (a: Answer): string | undefined => (refused(a) ? undefined : `${why}, yet answered ${summary(a)}`);

/** the JSON body as sent (after a 宁夏 envelope was sealed), held to the contract: if it breaks it, it must be refused */
const refusedIfTheContractIs = (opId: string) => (a: Answer, sent: Ready): string | undefined => {
  let value: unknown;
  try { value = JSON.parse(sent.body.toString('utf8')); } catch { return mustBeRefused('the body is not JSON')(a); }
  const broken = contract.validateRequest(opId, value);
  return broken.length > 0 ? mustBeRefused(`the contract refuses this body (${broken.slice(0, 3).map((f) => `${f.field} ${f.message}`).join('; ')})`)(a) : undefined;
};

const FLAWS: Record<Operation['auth'], { all: readonly string[]; certain: Set<string> } | undefined> = {
  none: undefined,
  clerk: { all: CLERK_FLAWS, certain: CERTAIN_CLERK },
  partnerHmac: { all: HMAC_FLAWS, certain: CERTAIN_HMAC },
  xuhuiWebhook: { all: XUHUI_FLAWS, certain: CERTAIN_XUHUI as Set<string> },
  ningxiaEnvelope: { all: NINGXIA_FLAWS, certain: CERTAIN_NINGXIA as Set<string> },
};

const NOTHING = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', ' ', '0', '-1', 'null', 'undefined', '%', '..', 'a'.repeat(65)];

export function nearlyValidRequest(op: Operation, fx: Fixtures, gen: Generator): fc.Arbitrary<FuzzRequest> {
  const valid = validBuilt(op, fx, gen);
  const kinds: Array<fc.Arbitrary<FuzzRequest>> = [];
  const schema = jsonSchemaOf(op);
  if (schema) {
    kinds.push(fc.tuple(valid, fc.nat(), fc.nat()).map(([b, pick, kind]) => {
      const m = mutate(gen, schema, b.json, pick, kind);
      const built: Built = { ...b, json: m.value, media: 'application/json', what: 'JSON body' };
      return toRequest(built, fx, { how: m.how, expect: refusedIfTheContractIs(op.id) });
    }));
  }
  const flaws = FLAWS[op.auth];
  if (flaws) {
    kinds.push(fc.tuple(valid, fc.constantFrom(...flaws.all)).map(([b, flaw]) => toRequest(b, fx, {
      how: `authentication: ${flaw}`, flaw,
      ...(flaws.certain.has(flaw) ? { expect: mustBeRefused(`authentication is wrong (${flaw})`) } : {}),
    })));
  }
  const params = pathParams(op);
  if (params.length > 0) {
    kinds.push(fc.tuple(valid, fc.constantFrom(...params.map((p) => p.name)), fc.constantFrom(...NOTHING)).map(([b, name, value]) => toRequest({ ...b, path: { ...b.path, [name]: value } }, fx, {
      how: `path parameter ${name} = ${JSON.stringify(value.slice(0, 20))}`, expect: mustBeRefused(`${name} names nothing`),
    })));
  }
  const required = headerParams(op).filter((h) => h.required && !/^x-/i.test(h.name));
  for (const h of required) {
    kinds.push(fc.tuple(valid, fc.constantFrom(undefined, '', 'short', 'bad key with spaces', 'k'.repeat(129), 'ключ-ключ-ключ')).map(([b, value]) => {
      const headers = { ...b.headers };
      if (value === undefined) delete headers[h.name];
      else headers[h.name] = Buffer.from(value, 'utf8').toString('latin1');
      return toRequest({ ...b, headers }, fx, { how: `header ${h.name} = ${JSON.stringify(value)}`, expect: mustBeRefused(`${h.name} breaks its pattern`) });
    }));
  }
  return kinds.length > 0 ? fc.oneof(...kinds) : valid.map((b) => toRequest(b, fx, { how: 'valid (nothing to break)' }));
}
