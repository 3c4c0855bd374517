// The SVG's elements as fast-xml-parser reads them: shared by the diagram's
// own tests and the fuzz room's diagram target, so both count servers the
// same way.
import { XMLParser } from 'fast-xml-parser';

type El = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: false, isArray: () => true });

/** Every element (name, attributes) in document order. */
export function elements(svg: string): Array<{ name: string; attrs: Record<string, string> }> {
  const out: Array<{ name: string; attrs: Record<string, string> }> = [];
  const walk = (node: unknown, name: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, name));
    if (typeof node === 'string' || typeof node === 'number') return void out.push({ name, attrs: {} });
    if (!node || typeof node !== 'object') return;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(node as El)) if (k.startsWith('@')) attrs[k.slice(1)] = String(v);
    out.push({ name, attrs });
    for (const [k, v] of Object.entries(node as El)) if (!k.startsWith('@') && k !== '#text') walk(v, k);
  };
  for (const [k, v] of Object.entries(parser.parse(svg) as El)) walk(v, k);
  return out;
}

export const hasClass = (e: { attrs: Record<string, string> }, c: string): boolean => (e.attrs.class ?? '').split(' ').includes(c);
