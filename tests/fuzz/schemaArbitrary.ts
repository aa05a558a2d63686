// JSON Schema → fast-check arbitrary, for the subset the contracts use (type, const, enum, pattern,
// format, contentEncoding, min/maxLength, minimum/maximum, min/maxItems, maxProperties, required,
// properties, additionalProperties, items, oneOf/anyOf/allOf with if/then/else, not-required, $ref).
// The values are valid against the schema, so a change of the contract changes what is generated.
// What a schema cannot say (an item code that is in the catalog, an ID number with its check digit) is
// given as hints by property name.
import fc from 'fast-check';

export type Schema = Record<string, any>;
export type Hints = Record<string, fc.Arbitrary<unknown>>;

export interface Generator {
  /** a valid value of the schema */
  valid(schema: Schema, name?: string): fc.Arbitrary<unknown>;
  /** follow $ref (and merge allOf, keeping if/then/else apart) */
  resolve(schema: Schema): Schema;
}

const pointer = (doc: Schema, ref: string): Schema => {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, not ${ref}`);
  return ref.slice(2).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((n, k) => n?.[k], doc) as Schema;
};

/** one code point per unit, as Ajv counts maxLength: mostly ASCII and CJK, some of the whole range */
const ascii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const anyCodePoint = fc.oneof(fc.integer({ min: 0, max: 0xd7ff }), fc.integer({ min: 0xe000, max: 0x10ffff })).map((c) => String.fromCodePoint(c));
export const textUnit = fc.oneof({ arbitrary: ascii, weight: 6 }, { arbitrary: cjk, weight: 3 }, { arbitrary: anyCodePoint, weight: 1 });

const codePoints = (s: string): number => [...s].length;
const GEN_MAX_STRING = 24;
const GEN_MAX_ITEMS = 3;

/** `^[class]+$` with a minLength/maxLength beside it: the bounds go into the quantifier, so that
 *  generated strings fit without filtering most of them away */
function sized(pattern: string, min: number, max: number): string {
  const m = /^\^(\[[^\]]+\])[+*]\$$/.exec(pattern);
  if (!m || (min === 0 && max === Number.POSITIVE_INFINITY)) return pattern;
  return `^${m[1]}{${Math.max(min, 1)},${Number.isFinite(max) ? Math.min(max, min + GEN_MAX_STRING) : min + GEN_MAX_STRING}}$`;
}

interface Conditional { if: Schema; then?: Schema; else?: Schema }

/** does `value` satisfy an `if` schema (the contracts' ifs test const/enum of properties and required) */
export function matchesIf(cond: Schema, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  for (const k of (cond.required ?? []) as string[]) if (!(k in v)) return false;
  for (const [k, s] of Object.entries((cond.properties ?? {}) as Record<string, Schema>)) {
    if (!(k in v)) continue;
    if ('const' in s && v[k] !== s.const) return false;
    if (Array.isArray(s.enum) && !s.enum.includes(v[k])) return false;
  }
  return true;
}

export function schemaGenerator(document: Schema, hints: Hints = {}): Generator {
  const resolve = (schema: Schema): Schema => {
    let s = schema;
    for (let i = 0; typeof s.$ref === 'string' && i < 32; i += 1) {
      const { $ref, ...rest } = s;
      s = { ...pointer(document, $ref as string), ...rest };
    }
    if (Array.isArray(s.allOf)) {
      const { allOf, ...rest } = s;
      let merged: Schema = rest;
      const conditionals: Conditional[] = [...(rest['x-conditionals'] ?? [])];
      for (const part of allOf as Schema[]) {
        const { 'x-conditionals': inner = [], ...p } = resolve(part);
        conditionals.push(...(inner as Conditional[]));
        merged = mergeObjects(merged, p);
      }
      s = { ...merged, 'x-conditionals': conditionals };
    }
    if (s.if) {
      const { if: cond, then, else: otherwise, ...rest } = s;
      s = { ...rest, 'x-conditionals': [...(rest['x-conditionals'] ?? []), { if: cond, then, else: otherwise }] };
    }
    return s;
  };

  const string = (s: Schema): fc.Arbitrary<string> => {
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? Number.POSITIVE_INFINITY;
    const fits = (x: string) => codePoints(x) >= min && codePoints(x) <= max;
    if (s.contentEncoding === 'base64') {
      return fc.uint8Array({ minLength: Math.ceil((min * 3) / 4), maxLength: Math.max(Math.ceil((min * 3) / 4), 48) })
        .map((b) => Buffer.from(b).toString('base64')).filter((x) => fits(x) && (!s.pattern || new RegExp(s.pattern).test(x)));
    }
    if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    if (s.format === 'uuid') return fc.uuid();
    if (s.format === 'uri') return fc.webUrl();
    if (s.pattern) return fc.stringMatching(new RegExp(sized(s.pattern, min, max)), { maxLength: Math.min(max, 1024) }).filter(fits);
    return fc.string({ unit: textUnit, minLength: min, maxLength: Math.max(min, Math.min(max, GEN_MAX_STRING)) });
  };

  const object = (s: Schema): fc.Arbitrary<Record<string, unknown>> => {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const forbidden = new Set<string>(s['x-forbidden'] ?? []);
    const required = ((s.required ?? []) as string[]).filter((k) => !forbidden.has(k));
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, ps] of Object.entries(props)) if (!forbidden.has(k)) model[k] = valid(ps, k);
    for (const k of required) model[k] ??= fc.jsonValue({ maxDepth: 1 });
    let arb: fc.Arbitrary<Record<string, unknown>> = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
    const extra = s.additionalProperties;
    if (extra && typeof extra === 'object') {
      const room = Math.max(0, Math.min(GEN_MAX_ITEMS, (s.maxProperties ?? Number.POSITIVE_INFINITY) - Object.keys(model).length));
      arb = fc.tuple(arb, fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in props)), valid(extra), { maxKeys: room }))
        .map(([o, more]) => ({ ...more, ...o }));
    }
    const conditionals = (s['x-conditionals'] ?? []) as Conditional[];
    if (conditionals.length === 0) return arb;
    // if/then: once the value is known, add what the branch it falls in requires
    return arb.chain((o) => {
      const missing: Record<string, fc.Arbitrary<unknown>> = {};
      for (const c of conditionals) {
        const branch = matchesIf(c.if, o) ? c.then : c.else;
        for (const k of (branch?.required ?? []) as string[]) if (!(k in o) && props[k]) missing[k] = valid(props[k], k);
      }
      return Object.keys(missing).length === 0 ? fc.constant(o) : fc.record(missing).map((m) => ({ ...o, ...m }));
    });
  };

  const valid = (schema: Schema, name?: string): fc.Arbitrary<unknown> => {
    if (name && hints[name]) return hints[name];
    const s = resolve(schema);
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const alternatives = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
    if (alternatives) {
      const { oneOf: _o, anyOf: _a, ...base } = s;
      // constraint-only branches (required / not required) narrow the object beside them
      const narrowing = alternatives.every((b) => !b.type && !b.$ref && !('const' in b) && !b.enum && !b.properties);
      return narrowing
        ? fc.oneof(...alternatives.map((b) => valid({ ...base, required: [...(base.required ?? []), ...(b.required ?? [])], 'x-forbidden': b.not?.required ?? [] })))
        : fc.oneof(...alternatives.map((b) => valid({ ...base, ...resolve(b) })));
    }
    if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((t) => valid({ ...s, type: t })));
    switch (s.type) {
      case 'null': return fc.constant(null);
      case 'boolean': return fc.boolean();
      case 'integer': return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
      case 'number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
      case 'string': return string(s);
      case 'array': return fc.array(valid(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? GEN_MAX_ITEMS, Math.max(s.minItems ?? 0, GEN_MAX_ITEMS)) });
      case 'object': return object(s);
      default: return s.properties ? object(s) : fc.jsonValue({ maxDepth: 1 });
    }
  };

  return { valid, resolve };
}

function mergeObjects(a: Schema, b: Schema): Schema {
  return {
    ...a, ...b,
    properties: { ...(a.properties ?? {}), ...(b.properties ?? {}) },
    required: [...new Set([...(a.required ?? []), ...(b.required ?? [])])],
  };
}
