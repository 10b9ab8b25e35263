import fc from 'fast-check';
import { z } from 'zod';

// Generators of hostile input for the IPC fuzz. Everything is derived from the contract's zod
// schemas (through their JSON Schema), so a method added to the contract is fuzzed without edits.

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  additionalProperties?: boolean | JsonSchema;
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Text that has broken naive code before: SQL, FTS5 and LIKE syntax, paths, odd Unicode. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE members;--",
  '" OR 1=1 --',
  "' OR '1'='1",
  '1; DELETE FROM meetings',
  '%',
  '_',
  '%_%\\',
  'NEAR(',
  '"',
  'a"b',
  'NOT',
  'AND OR *',
  '党*',
  '^党费',
  'col:党费',
  '../../../../etc/passwd',
  '..\\..\\Windows\\system32\\config',
  'C:\\Windows\\win.ini',
  '/etc/shadow',
  'file:///etc/passwd',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u202e反向文字',
  '\ud800',
  '👨‍👩‍👧‍👦',
  '\u200b',
  '',
  ' ',
  '\n\t',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  '${process.exit()}',
  '2025-02-30',
  '9999-99-99',
  '0000-00-00',
  '2025-1-1',
  '+275760-09-13',
  '-000001-01-01',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '1e309',
] as const;

const hugeString = fc.constantFrom('x'.repeat(100_001), '党'.repeat(40_000), "'".repeat(50_000), '%'.repeat(70_000));

/** Nested n levels deep, built iteratively (the generator must not overflow the stack itself). */
function deep(levels: number, asArray: boolean): unknown {
  let value: unknown = asArray ? [] : {};
  for (let i = 0; i < levels; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

/** Values of every wrong shape: types, numbers at the edges, huge and nasty strings, deep nesting, prototype keys. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    -(2 ** 31),
    2 ** 53 + 2,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e9,
    [],
    [1, 2, 3],
    {},
    { id: 1 },
    [{ id: 1 }],
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    JSON.parse('{"toString": "x", "valueOf": 1, "hasOwnProperty": null}'),
    deep(5_000, false),
    deep(20_000, true),
    new Date('2025-06-01T00:00:00Z'),
    new Date(Number.NaN),
    10n,
    new Map([['a', 1]]),
    new Uint8Array([1, 2, 3]),
  ),
  fc.constantFrom<unknown>(...HOSTILE_STRINGS),
  hugeString,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.constantFrom<unknown>(1, 'x', null, {}), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name', 'x'), fc.constantFrom<unknown>(1, 'x', null, {}), { maxKeys: 3 }),
);

/** Plausible strings: the dates and names real input has, so values get past the first checks. */
const plausibleString = (schema: JsonSchema): fc.Arbitrary<string> => {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  const samples = ['2025-06-30', '2025-01-01', '2024-12-31', '2026-11-22', '张三', '第一党小组', '党费', 'national', '会议记录.docx', 'UEsDBA==', 'aGVsbG8=', "'; DROP TABLE members;--", '%', '"'];
  return fc
    .oneof(
      fc.constantFrom(...samples),
      fc.string({ minLength: min, maxLength: Math.min(max, 24) }),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      // A zip header followed by junk: gets the xlsx and docx readers past their first check.
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(bytes)]).toString('base64')),
    )
    .filter((value) => value.length >= min && value.length <= max);
};

/** A value that mostly fits the schema's shape (ids small enough to hit stored records). */
export function shaped(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => shaped(alternative, depth + 1)));
  if (schema.allOf?.length) return shaped(schema.allOf[0], depth + 1);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => shaped({ ...schema, type }, depth + 1)));
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, shaped(value, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
    }
    case 'array': {
      const item = schema.items ?? (schema.prefixItems ? { anyOf: schema.prefixItems } : {});
      const minLength = Math.min(schema.minItems ?? 0, 3);
      return fc.array(shaped(item, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'string':
      return plausibleString(schema);
    case 'integer':
    case 'number': {
      const low = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -5);
      const high = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? low + 1000);
      // Mostly the first few ids (the demo branch has rows 1…4 in every table), then wider.
      const first = fc.integer({ min: low, max: Math.min(high, low + 3) });
      const near = fc.integer({ min: low, max: Math.min(high, low + 80) });
      return fc.oneof({ arbitrary: first, weight: 5 }, { arbitrary: near, weight: 3 }, fc.constantFrom(low, high, 2025, 2026));
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer());
  }
}

/** Every place in a value where a mutation can go (the root is the empty path). */
function pathsOf(value: unknown): (string | number)[][] {
  const paths: (string | number)[][] = [[]];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (path.length > 8 || node === null || typeof node !== 'object') return;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((child, index) => [index, child]) : Object.entries(node);
    for (const [key, child] of entries) {
      paths.push([...path, key]);
      walk(child, [...path, key]);
    }
  };
  walk(value, []);
  return paths;
}

export type Mutation = 'replace' | 'delete' | 'extraKey' | 'protoKey' | 'wrapInArray';

/** Applies one mutation at the pick-th path of a structured clone of the value. */
export function mutate(value: unknown, pick: number, mutation: Mutation, leaf: unknown): unknown {
  const root = { value: structuredCloneSafe(value) };
  const paths = pathsOf(root.value).map((path) => ['value', ...path]);
  const path = paths[pick % paths.length];
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, root);
  const key = path[path.length - 1];
  const target = parent[key];
  switch (mutation) {
    case 'replace':
      parent[key] = leaf;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 'extraKey':
      if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>).unexpectedField = leaf;
      else parent[key] = { unexpectedField: leaf };
      break;
    case 'protoKey':
      // An own "__proto__" property, as JSON.parse makes it (a plain assignment would set the prototype).
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, '__proto__', { value: leaf, enumerable: true, configurable: true, writable: true });
      else parent[key] = JSON.parse('{"__proto__": {"polluted": true}}');
      break;
    case 'wrapInArray':
      parent[key] = [target];
      break;
  }
  return root.value;
}

function structuredCloneSafe(value: unknown): unknown {
  return value === undefined ? undefined : structuredClone(value);
}

/**
 * One fuzz case for a method: a wild value (any shape at all) or a schema-shaped value, mostly
 * with one mutation somewhere (wrong type, missing field, unknown field, prototype key, array).
 */
export function fuzzInput(schema: z.ZodType): fc.Arbitrary<{ kind: string; input: unknown }> {
  const json = jsonSchemaOf(schema);
  const base = shaped(json);
  return fc.oneof(
    { arbitrary: hostileLeaf.map((input) => ({ kind: 'wild', input })), weight: 2 },
    { arbitrary: base.map((input) => ({ kind: 'shaped', input })), weight: 4 },
    {
      arbitrary: fc
        .tuple(base, fc.nat(), fc.constantFrom<Mutation>('replace', 'replace', 'replace', 'delete', 'extraKey', 'protoKey', 'wrapInArray'), hostileLeaf)
        .map(([value, pick, mutation, leaf]) => ({ kind: `mutated:${mutation}`, input: mutate(value, pick, mutation, leaf) })),
      weight: 4,
    },
  );
}
