// Mutations of real samples, text and bytes alike, and the hostile shapes
// every reader must survive: truncation, wrong types, huge values, deep
// nesting, invalid UTF-8.
import { Random } from './random';

/** Byte sequences that are not UTF-8: a lone continuation, a truncated pair, an encoded surrogate, an overlong NUL, 0xFF. */
export const invalidUtf8: readonly Buffer[] = [
  Buffer.from([0x80]),
  Buffer.from([0xc3]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xc0, 0x80]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
];

/** Text edits: insert a fragment, delete or duplicate a span, truncate, repeat. */
export function mutateText(rng: Random, text: string, fragments: readonly string[], edits = 1 + rng.int(5)): string {
  let t = text;
  for (let k = 0; k < edits; k++) {
    const at = rng.int(t.length + 1);
    switch (rng.int(6)) {
      case 0:
      case 1:
        t = t.slice(0, at) + rng.pick(fragments) + t.slice(at);
        break;
      case 2:
        t = t.slice(0, at) + t.slice(at + 1 + rng.int(16));
        break;
      case 3: {
        const end = Math.min(t.length, at + 1 + rng.int(200));
        t = t.slice(0, end) + t.slice(at, end) + t.slice(end);
        break;
      }
      case 4:
        t = t.slice(0, at);
        break;
      default:
        // Replace one UTF-16 unit: this may split a surrogate pair.
        t = t.slice(0, at) + String.fromCharCode(rng.int(0x10000)) + t.slice(at + 1);
    }
  }
  return t;
}

/** Byte edits on an encoded sample: flips, invalid UTF-8, truncation, splices. */
export function mutateBytes(rng: Random, bytes: Buffer, edits = 1 + rng.int(4)): Buffer {
  let b = bytes;
  for (let k = 0; k < edits; k++) {
    const at = rng.int(b.length + 1);
    switch (rng.int(5)) {
      case 0: {
        if (b.length === 0) break;
        b = Buffer.from(b);
        b[Math.min(at, b.length - 1)] = rng.int(256);
        break;
      }
      case 1:
        b = Buffer.concat([b.subarray(0, at), rng.pick(invalidUtf8), b.subarray(at)]);
        break;
      case 2:
        b = b.subarray(0, at);
        break;
      case 3:
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + 1 + rng.int(64)))]);
        break;
      default: {
        const end = Math.min(b.length, at + 1 + rng.int(128));
        b = Buffer.concat([b.subarray(0, end), b.subarray(at, end), b.subarray(end)]);
      }
    }
  }
  return b;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value of a random type, sometimes huge or deeply nested. */
export function hostileValue(rng: Random, depth = 0): Json {
  switch (rng.int(depth > 2 ? 7 : 10)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, -0, 65536, 4294967296]);
    case 3:
      return rng.pick(['', ' ', 'x', '\u0000', '\ud800', '😀', '<script>alert(1)</script>', 'javascript:alert(1)', '../../etc/passwd', 'https://evil.example/']);
    case 4:
      return 'A'.repeat(depth === 0 && rng.chance(0.1) ? 1 << 20 : 1 + rng.int(depth === 0 ? 5000 : 100));
    case 5:
      return rng.pick(['true', '1', 'null', '[]', '{}']);
    case 6:
      return deepNest(rng, depth === 0 && rng.chance(0.2) ? 2_000 : 1 + rng.int(200));
    case 7:
      return rng.chance(0.1) ? new Array<Json>(10_000).fill(depth) : Array.from({ length: rng.int(5) }, () => hostileValue(rng, depth + 1));
    default: {
      const o: { [key: string]: Json } = {};
      for (let i = rng.int(4); i > 0; i--) o[rng.pick(['__proto__', 'constructor', 'type', 'id', 'version', 'x', ''])] = hostileValue(rng, depth + 1);
      return o;
    }
  }
}

function deepNest(rng: Random, depth: number): Json {
  let v: Json = rng.chance(0.5) ? 1 : 'x';
  const asArray = rng.chance(0.5);
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** A parsed sample with one node replaced, removed or added, by path through the tree. */
export function mutateJson(rng: Random, value: Json, edits = 1 + rng.int(3)): Json {
  let root = structuredClone(value);
  for (let k = 0; k < edits; k++) {
    const nodes: Array<{ parent: Json[] | { [key: string]: Json } | undefined; key: string | number }> = [{ parent: undefined, key: '' }];
    const walk = (v: Json, depth: number): void => {
      if (depth > 30 || v === null || typeof v !== 'object') return;
      for (const key of Array.isArray(v) ? v.keys() : Object.keys(v)) {
        nodes.push({ parent: v, key });
        walk((v as Record<string, Json>)[key as string], depth + 1);
      }
    };
    walk(root, 0);
    const { parent, key } = rng.pick(nodes);
    const action = rng.int(4);
    if (!parent) {
      root = action === 0 ? hostileValue(rng) : root;
      continue;
    }
    const p = parent as Record<string, Json>;
    if (action === 0 && !Array.isArray(parent)) delete p[key as string];
    else if (action === 1 && Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
    else p[key as string] = hostileValue(rng);
  }
  return root;
}

/** Text that is JSON-ish but not a sample: the deep and the huge on their own. */
export function hostileJsonText(rng: Random): string {
  switch (rng.int(6)) {
    case 0:
      return '['.repeat(1 + rng.int(200_000));
    case 1:
      return '{"a":'.repeat(1 + rng.int(50_000)) + '1' + '}'.repeat(rng.int(50_000));
    case 2:
      return JSON.stringify({ keys: Array.from({ length: 20_000 }, (_, i) => ({ usage: 'signing', i })) });
    case 3:
      return '"' + 'A'.repeat(rng.int(3 << 20));
    case 4:
      return rng.pick(['', ' ', 'null', '0', '"x"', '[]', '{}', 'true', '\ufeff{}', '{"version":1}', '{"a":1,"a":2}']);
    default:
      return JSON.stringify(hostileValue(rng));
  }
}
