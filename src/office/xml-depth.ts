// How deep an answer's elements nest, counted in one pass before the EWS
// library parses it. The library's DOM parser (xmldom) takes time growing
// with the square of the depth of unclosed elements: 8,000 of them cost
// 1.5 s and 25,000 over 10 s, synchronously, in the extension host
// (found by the ews-contacts fuzz target). A real EWS answer nests a few
// dozen deep, so an answer past the limit is refused as malformed before
// the parser sees it.
export const MAX_XML_DEPTH = 512;

/** The deepest element nesting in `xml`, stopping once past `limit`. Comments, CDATA, declarations are skipped. */
export function xmlDepth(xml: string, limit = MAX_XML_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let at = xml.indexOf('<');
  while (at >= 0 && at < xml.length - 1) {
    const next = xml[at + 1];
    let end: number;
    if (xml.startsWith('<!--', at)) end = endOf(xml, '-->', at + 4);
    else if (xml.startsWith('<![CDATA[', at)) end = endOf(xml, ']]>', at + 9);
    else if (next === '?' || next === '!') end = endOf(xml, '>', at + 2);
    else {
      end = endOf(xml, '>', at + 1);
      if (next === '/') depth = Math.max(0, depth - 1);
      else if (xml[end - 2] !== '/') {
        depth++;
        if (depth > deepest) deepest = depth;
        if (deepest > limit) return deepest;
      }
    }
    at = xml.indexOf('<', end);
  }
  return deepest;
}

function endOf(xml: string, close: string, from: number): number {
  const i = xml.indexOf(close, from);
  return i < 0 ? xml.length : i + close.length;
}
