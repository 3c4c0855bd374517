// .farm text through the topology diagram as the editor asks for it: the
// office-farm/diagram request (graph from the model, layout with dagre, the
// standalone SVG) on the real language server in this thread. Survived
// means: an answer or a declined request (never an internal error), every
// LSP range inside the document, the SVG well-formed XML, one server drawn
// per server laid out, and every server either laid out or counted in a
// closed group.
import assert from 'node:assert/strict';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { XMLValidator } from 'fast-xml-parser';
import type { DiagramResult } from '../../../src/server/diagram-protocol';
import { elements, hasClass } from '../../diagram/svg-elements';
import { hostileValue } from '../framework/mutations';
import type { Random } from '../framework/random';
import { Random as Seeded } from '../framework/random';
import type { FuzzTarget } from '../framework/target';
import { farmInput } from './farm-inputs';
import { assertRangesInside, InProcessServer, lineLengths, startInProcessServer } from './lsp-server';

let server: InProcessServer | undefined;
let documents = 0;

const kinds = ['exchange', 'sharepoint', 'lync', 'office-web-apps', 'project'];

/**
 * A farm past the 250 servers at which the layout closes kinds into groups,
 * with trusts across kinds, so the collapsed mode is fuzzed as well.
 */
function bigFarm(rng: Random): string {
  const n = 240 + rng.int(80);
  const names = Array.from({ length: n }, (_, i) => `${kinds[i % kinds.length].slice(0, 2)}${i}`);
  return names
    .map((name, i) => {
      const kind = kinds[i % kinds.length];
      const where = kind === 'exchange' || kind === 'lync' ? `host = "${name}.contoso.com"` : `url = "https://${name}.contoso.com"`;
      const trusts = rng.chance(0.5) ? `; trusts = [${names[rng.int(n)]}, ${names[rng.int(n)]}]` : '';
      return `${kind} ${name} { ${where}${trusts} }`;
    })
    .join('\n');
}

export const farmDiagram: FuzzTarget<string> = {
  name: 'farm-diagram',
  count: 2_500,
  seed: 2221,
  deadlineMs: 10_000,
  kind: 'text',
  async setUp() {
    server = await startInProcessServer();
  },
  tearDown() {
    server?.close();
  },
  // As farm-lsp: pathological sizes are the check target's; one in fifty is a farm big enough to collapse.
  generate: (rng) => (rng.int(50) === 0 ? bigFarm(rng) : farmInput(rng).slice(0, 8_000)),
  async run(text) {
    const uri = `file:///fuzz/diagram-${++documents}.farm`;
    const rng = new Seeded(documents);
    const client = server!.client;
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'farm', version: 1, text } });
    try {
      const lines = lineLengths(text);
      const first = await ask({ uri, svg: true, expanded: rng.chance(0.3) ? kinds.slice(0, rng.int(kinds.length)).map((k) => `group:${k}`) : [] });
      if (!first) return;
      check(first, text, lines);
      // Asked again with the layout drawn last (as the panel does) or with what a hostile client might send back.
      const previous = rng.chance(0.7) ? first.layout : hostileValue(rng);
      const again = await ask({ uri, svg: true, previous, expanded: rng.chance(0.5) ? hostileValue(rng) : first.layout.groups.map((g) => g.id) });
      if (again) check(again, text, lines);
    } finally {
      await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
      server!.published.splice(0);
    }
  },
};

async function ask(params: Record<string, unknown>): Promise<DiagramResult | undefined> {
  try {
    return (await server!.client.sendRequest('office-farm/diagram', params)) as DiagramResult;
  } catch (error) {
    if (error instanceof ResponseError && error.code !== ErrorCodes.InternalError && error.code !== ErrorCodes.UnknownErrorCode) return undefined;
    throw new Error(`office-farm/diagram: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function check(result: DiagramResult, text: string, lines: number[]): void {
  const { graph, layout, svg } = result;
  assertRangesInside(graph, lines, 'office-farm/diagram');
  for (const n of graph.nodes) for (const s of [n.declared, n.block]) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `node ${n.id}: span [${s.start},${s.end}) outside a text of ${text.length}`);
  for (const e of graph.edges) assert.ok(e.declared.start >= 0 && e.declared.end <= text.length, `trust ${e.id}: span outside the text`);
  assert.ok(typeof svg === 'string', 'no SVG although one was asked for');
  const valid = XMLValidator.validate(svg);
  assert.equal(valid, true, `the SVG is not well-formed XML: ${JSON.stringify(valid)}`);
  const drawn = elements(svg).filter((e) => e.name === 'g' && hasClass(e, 'server')).length;
  assert.equal(drawn, layout.nodes.length, `${drawn} servers drawn for ${layout.nodes.length} laid out`);
  const closed = layout.groups.filter((g) => g.collapsed).reduce((sum, g) => sum + g.count, 0);
  assert.equal(layout.nodes.length + closed, graph.nodes.length, `${graph.nodes.length} servers, ${layout.nodes.length} laid out and ${closed} in closed groups`);
  if (graph.nodes.length <= 250) assert.equal(drawn, graph.nodes.length, 'a farm below the collapse threshold lost servers');
}
