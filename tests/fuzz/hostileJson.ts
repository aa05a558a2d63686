// JSON texts no client of ours would send: 10,000 levels deep, 100,000 keys wide, megabytes long, and
// a valid body with one of those put in place of one of its fields.

export function deepJson(levels: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

export function wideJson(keys: number): string {
  const parts: string[] = [];
  for (let i = 0; i < keys; i += 1) parts.push(`"k${i}":${i}`);
  return `{${parts.join(',')}}`;
}

export const hugeJsonString = (bytes: number): string => `{"x":"${'a'.repeat(bytes)}"}`;

const MARK = JSON.stringify('\u0001fuzz-here\u0001');

/** `body` as JSON with the value at `field` (a top-level key, or the whole body) replaced by `text` */
export function withRawField(body: unknown, field: string | undefined, text: string): string {
  if (field === undefined || !body || typeof body !== 'object' || Array.isArray(body)) return text;
  return JSON.stringify({ ...(body as Record<string, unknown>), [field]: '\u0001fuzz-here\u0001' }).replace(MARK, () => text);
}
