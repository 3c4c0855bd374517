// The hostile fixture's values (quotes of every kind PowerShell honours,
// $(...), backticks, a newline) come out of the generator as inert
// literals: on the parse tree, each is the whole of one verbatim string,
// the scripts hold no subexpression and no variable but the generator's own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core';
import { generateInventoryScripts, generateScripts } from '../../src/core/scripts';
import { repoRoot } from '../support/paths';
import { nodes, parsePowerShell, readVerbatim } from './powershell';

const read = (name: string) => analyze(readFileSync(join(repoRoot, 'test', 'fixtures', 'scripts', name), 'utf8'));
const scriptsOf = (name: string) => {
  const analysis = read(name);
  return [...generateScripts(analysis, { file: name }), ...generateInventoryScripts(analysis, { file: name })];
};

/** The values the hostile fixture writes, as the .farm language decodes them. */
const policy = "Pol'icy\n$(Remove-Item -Recurse C:\\) `whoami` \u2018q\u2019 \u201Ar\u201B";
const prefix = "SM-\u2019$(Get-Date)'`t";
const spUrl = "https://intranet.contoso.com/sites/a'b$(c)`d\u2019e\u2018f\u201Ag\u201Bh";
const exMetadata = "https://mail.contoso.com/autodiscover/metadata/json/1?x='$(Stop-Computer)`whoami`";

async function verbatimValues(text: string): Promise<string[]> {
  const tree = await parsePowerShell(text);
  return [...nodes(tree.rootNode)].filter((n) => n.type === 'verbatim_string_characters').map((n) => {
    const r = readVerbatim(n.text);
    assert.ok(r && r.end === n.text.length, `a string node that PowerShell reads otherwise: ${n.text}`);
    return r.value;
  });
}

test('the fixture really holds the hostile values (the test would otherwise prove nothing)', () => {
  const analysis = read('hostile.farm');
  const ex = analysis.model.byName.get('ex01')!;
  const values = ex.block.properties.map((p, i) => [p.key, ex.values[i]]);
  assert.deepEqual(values.find(([k]) => k === 'site-mailbox-policy')?.[1], policy);
  assert.deepEqual(values.find(([k]) => k === 'metadata')?.[1], exMetadata);
});

test('each hostile value is the whole value of a verbatim string in the scripts', async () => {
  const scripts = Object.fromEntries(scriptsOf('hostile.farm').map((s) => [s.fileName, s.text]));
  const ex = await verbatimValues(scripts['ex01.ps1']);
  assert.ok(ex.includes(policy), 'the policy name');
  assert.ok(ex.includes(prefix), 'the alias prefix');
  assert.ok(ex.includes(`${spUrl}/_layouts/15/metadata/json/1`), "sp01's metadata endpoint, derived from its url");
  const sp = await verbatimValues(scripts['sp01.ps1']);
  assert.ok(sp.includes(exMetadata), "ex01's written metadata endpoint");
  assert.ok(sp.includes(spUrl), "sp01's url as the app principal's site");
});

test('no subexpression, no expandable string and no variable but the generator\'s own', async () => {
  const own = new Set<string>();
  // The generator's variables: those of scripts made from plain values.
  const contoso = analyze(readFileSync(join(repoRoot, 'examples', 'contoso.farm'), 'utf8'));
  for (const s of [...generateScripts(contoso, { file: 'contoso.farm' }), ...generateInventoryScripts(contoso, { file: 'contoso.farm' }), ...scriptsOf('owa-im.farm')]) {
    for (const n of nodes((await parsePowerShell(s.text)).rootNode)) if (n.type === 'variable') own.add(n.text.toLowerCase());
  }
  for (const s of scriptsOf('hostile.farm')) {
    const tree = await parsePowerShell(s.text);
    for (const n of nodes(tree.rootNode)) {
      assert.notEqual(n.type, 'sub_expression', `${s.fileName}: a subexpression ${n.text}`);
      assert.notEqual(n.type, 'expandable_string_literal', `${s.fileName}: an expandable string ${n.text}`);
      if (n.type === 'variable') assert.ok(own.has(n.text.toLowerCase()), `${s.fileName}: a variable the generator does not make: ${n.text}`);
    }
  }
});

test('a diagnostic quoting a hostile value stays inside its comment line', async () => {
  const ex = scriptsOf('hostile.farm').find((s) => s.fileName === 'ex01.ps1')!;
  const header = ex.text.split('\n').filter((l) => l.includes('FARM316'));
  assert.equal(header.length, 1);
  assert.match(header[0], /^#   \d+:\d+ warning FARM316 /);
  const tree = await parsePowerShell(ex.text);
  const comments = [...nodes(tree.rootNode)].filter((n) => n.type === 'comment' && n.text.includes('FARM316'));
  assert.equal(comments.length, 1);
  assert.equal(comments[0].text, header[0]);
});
