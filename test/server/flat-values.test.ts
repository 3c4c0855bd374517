// What VS Code asks for right after opening a file (semantic tokens, the
// outline) reads values without making a node of those held flat
// (syntax/ast.ts); only the references, which are kept, get one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../src/core/analyze';
import { Held } from '../../src/core/syntax/ast';
import { semanticTokenList } from '../../src/server/semantic-tokens';
import { blockSymbol } from '../../src/server/symbols';
import { farmFiles } from '../support/paths';

const contoso = readFileSync(farmFiles('examples').find((f) => f.endsWith('contoso.farm'))!, 'utf8');

test('semantic tokens and the outline leave every scalar that is no reference flat, and make no block name node', () => {
  const analysis = analyze(contoso);
  const blocks = analysis.syntax.file.blocks;
  // A block's name node, a private detail read here on purpose: diagnostics anchored at a name make it.
  const namesMade = (): number => blocks.filter((b) => (b as unknown as { madeName?: unknown }).madeName !== undefined).length;
  const madeByAnalysis = namesMade();
  const tokens = semanticTokenList(analysis);
  for (const b of blocks) blockSymbol(analysis, b);
  assert.equal(namesMade(), madeByAnalysis, 'semantic tokens and the outline make no name node');
  assert.ok(madeByAnalysis < blocks.length / 2, `${madeByAnalysis} of ${blocks.length} names made by the analysis`);
  const referenceStarts = new Set(analysis.model.references.map((r) => r.node.start));
  let flat = 0;
  for (const p of blocks.flatMap((b) => b.propertyList())) {
    if (p.how !== Held.Node) {
      flat++;
      continue;
    }
    const node = p.value!;
    assert.ok(node.type === 'list' || referenceStarts.has(node.start), `'${p.key}' at ${p.start} was made a node`);
  }
  assert.ok(flat > 20, `${flat} values still flat`);
  // And the tokens still tell a reference held flat from an enum member held flat.
  const variables = tokens.filter((t) => t.type === 'variable' && !t.declaration).map((t) => t.start);
  assert.deepEqual(variables, [...referenceStarts].sort((a, b) => a - b));
});
