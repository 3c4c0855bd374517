// An edit reparses only the blocks it touches, so the nodes of every other
// block outlive the text they were read from. If a node held a substring of
// that text (V8 makes long substrings views into their parent), each edit to
// a different block would keep one more whole copy of the file alive: at
// 10,000 servers, 4.7 MB per edit, until the language server ran out of
// memory. The scanner gives the tree strings of its own (scanner.ts,
// ownCopy); this test counts the whole-file strings left in the heap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapSnapshot } from 'node:v8';
import { analyze, Analysis } from '../../src/core';

const marker = '# the farm of text-retention.test.ts';

function farm(servers: number): string {
  const blocks: string[] = [];
  for (let i = 0; i < servers; i++) {
    const n = String(i).padStart(4, '0');
    blocks.push(`# mailbox server ${n} of the northern datacentre\nexchange ex${n} {\n  host    = "ex${n}.mail.contoso.example.com"\n  version = 2019\n}\n`);
  }
  return marker + '\n' + blocks.join('\n');
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** How many copies of a whole version of the farm the heap holds. */
async function wholeFarmsAlive(length: number): Promise<number> {
  let json = '';
  for await (const chunk of getHeapSnapshot()) json += chunk;
  const { snapshot, nodes, strings } = JSON.parse(json) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const type = fields.indexOf('type');
  const name = fields.indexOf('name');
  const size = fields.indexOf('self_size');
  let count = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const isString = typeNames[nodes[i + type]] === 'string';
    if (isString && nodes[i + size] >= length && strings[nodes[i + name]].startsWith(marker)) count++;
  }
  return count;
}

test('editing one block after another keeps no old copy of the file alive', async () => {
  const servers = 60;
  let analysis: Analysis = analyze(farm(servers));
  const length = analysis.text.length;
  for (let i = 0; i < servers; i += 2) {
    const host = `"ex${String(i).padStart(4, '0')}.mail`;
    const at = analysis.text.indexOf(host);
    const edited = analysis.text.slice(0, at) + host.replace('.mail', 'b.mail') + analysis.text.slice(at + host.length);
    analysis = analyze(edited, undefined, analysis);
  }
  assert.ok(analysis.text.includes('"ex0058b.mail'), 'the last edit was applied');
  // The current text, and the one the analysis keeps to diff the next edit
  // against, may be alive; 30 edited blocks would leave 30 more.
  const whole = await wholeFarmsAlive(length);
  assert.ok(whole <= 3, `${whole} copies of the farm are alive after 30 edits in different blocks`);
});
