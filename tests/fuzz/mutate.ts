// Nearly valid values: a valid value with one thing wrong (a required field missing, an extra field, a
// wrong type, a string too long or with NUL or a lone surrogate, a number out of range), chosen by
// fast-check so that a run can be replayed. Whether the result still fits the contract is for the
// contract to say (the fuzz test asks Ajv), not for this file.
import fc from 'fast-check';
import type { Generator, Schema } from './schemaArbitrary.js';

export interface Mutated { value: unknown; how: string }

type Path = Array<string | number>;
interface Node { path: Path; schema: Schema; value: unknown }

function nodes(gen: Generator, schema: Schema, value: unknown, path: Path = [], out: Node[] = []): Node[] {
  const s = gen.resolve(schema);
  out.push({ path, schema: s, value });
  if (Array.isArray(value)) value.forEach((v, i) => nodes(gen, s.items ?? {}, v, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nodes(gen, (s.properties ?? {})[k] ?? {}, v, [...path, k], out);
  }
  return out;
}

const KINDS: Record<string, string[]> = {
  object: ['drop-required', 'extra-field', 'proto-field', 'to-array', 'to-null', 'to-string'],
  array: ['to-object', 'too-many', 'empty', 'wrong-item', 'to-null'],
  string: ['to-number', 'too-long', 'empty', 'nul', 'lone-surrogate', 'not-in-enum', 'to-null', 'to-object', 'whitespace'],
  number: ['to-string', 'fraction', 'below-min', 'above-max', 'huge', 'to-null'],
  boolean: ['to-string', 'to-number', 'to-null'],
  null: ['to-string', 'to-object'],
};

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function replace(s: Schema, v: unknown, kind: string): unknown {
  switch (kind) {
    case 'to-array': return [v];
    case 'to-null': return null;
    case 'to-string': return JSON.stringify(v);
    case 'to-object': return { value: v };
    case 'to-number': return Number.isNaN(Number(v)) ? 1 : Number(v);
    case 'too-many': return [...(v as unknown[]), ...Array.from({ length: (s.maxItems ?? 60) + 1 }, () => (v as unknown[])[0] ?? 'x')];
    case 'empty': return Array.isArray(v) ? [] : '';
    case 'wrong-item': return [...(v as unknown[]), 12345];
    case 'too-long': return `${v as string}${'长'.repeat(((s.maxLength as number | undefined) ?? 10_000) + 1)}`;
    case 'nul': return `${v as string}\u0000`;
    case 'lone-surrogate': return `\ud800${v as string}`;
    case 'not-in-enum': return `${v as string}-not-in-enum`;
    case 'whitespace': return ` ${v as string}\n`;
    case 'fraction': return (v as number) + 0.5;
    case 'below-min': return (s.minimum ?? 0) - 1;
    case 'above-max': return (s.maximum ?? 2 ** 53) + 1;
    case 'huge': return 1e300;
    default: return v;
  }
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return root;
}

export function mutate(gen: Generator, schema: Schema, valid: unknown, pick: number, kindPick: number): Mutated {
  const root = structuredClone(valid);
  const all = nodes(gen, schema, root);
  const node = all[pick % all.length]!;
  const t = typeOf(node.value) === 'number' || typeOf(node.value) === 'bigint' ? 'number' : typeOf(node.value);
  const kinds = KINDS[t] ?? ['to-null'];
  const kind = kinds[kindPick % kinds.length]!;
  const where = `/${node.path.join('/')}`;
  if (kind === 'drop-required' || kind === 'extra-field' || kind === 'proto-field') {
    const o = node.value as Record<string, unknown>;
    const required = (node.schema.required ?? []) as string[];
    if (kind === 'drop-required' && required.length > 0) {
      const k = required[kindPick % required.length]!;
      delete o[k];
      return { value: root, how: `required ${where}/${k} dropped` };
    }
    if (kind === 'proto-field' && typeOf(root) === 'object') {
      // an own "__proto__" key, as JSON.parse makes it
      return { value: JSON.parse(JSON.stringify(root).replace(/^\{/, '{"__proto__":{"polluted":true},').replace(/,\}$/, '}')), how: `"__proto__" added at /` };
    }
    o.__fuzzExtra = 'x';
    return { value: root, how: `extra field ${where}/__fuzzExtra` };
  }
  return { value: setAt(root, node.path, replace(node.schema, node.value, kind)), how: `${kind} at ${where}` };
}

/** a nearly valid value of `schema`: valid, then one mutation */
export function nearlyValid(gen: Generator, schema: Schema, valid: fc.Arbitrary<unknown> = gen.valid(schema)): fc.Arbitrary<Mutated> {
  return fc.tuple(valid, fc.nat(), fc.nat()).map(([v, pick, kindPick]) => mutate(gen, schema, v, pick, kindPick));
}
