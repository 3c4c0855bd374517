// Tokenizes the samples with the TextMate engine VS Code uses and compares
// the scopes with a golden baseline; checks that each kind of token gets a
// standard scope that themes colour.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { matchBaseline } from '../support/baseline';
import { farmFiles, repoRoot } from '../support/paths';

let grammar: textmate.IGrammar;

before(async () => {
  const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'source.farm' ? textmate.parseRawGrammar(readFileSync(join(repoRoot, 'syntaxes', 'farm.tmLanguage.json'), 'utf8'), 'farm.tmLanguage.json') : null),
  });
  const loaded = await registry.loadGrammar('source.farm');
  assert.ok(loaded, 'the grammar did not load');
  grammar = loaded;
});

function tokenize(text: string): Array<{ line: number; text: string; scopes: string[] }> {
  let state = textmate.INITIAL;
  const out: Array<{ line: number; text: string; scopes: string[] }> = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      if (piece.trim()) out.push({ line: i, text: piece, scopes: t.scopes.slice(1) });
    }
    state = r.ruleStack;
  });
  return out;
}

test('grammar: every kind of token has a standard scope', () => {
  const tokens = tokenize(readFileSync(join(farmFiles('examples')[0]), 'utf8'));
  const scopeOf = (text: string): string => tokens.find((t) => t.text === text)?.scopes.join(' ') ?? '(none)';
  assert.match(scopeOf('exchange'), /\bkeyword\./);
  assert.match(scopeOf('ex01'), /\bentity\.name\./);
  assert.match(scopeOf('host'), /\bvariable\.other\.property\b/);
  assert.match(scopeOf('mail.contoso.com'), /\bstring\.quoted\.double\b/);
  assert.match(scopeOf('2013'), /\bconstant\.numeric\b/);
  assert.match(scopeOf('true'), /\bconstant\.language\b/);
  assert.match(scopeOf('work-management'), /\bsupport\.constant\b/);
  assert.match(scopeOf('high-resolution-photos'), /\bsupport\.constant\.feature\b/);
  assert.match(scopeOf('lync01'), /\bentity\.name|variable\.other\.reference/);
  assert.ok(tokens.some((t) => t.scopes.some((s) => s.startsWith('comment.line'))), 'comments are scoped');
  assert.ok(tokens.some((t) => t.text === '{' && t.scopes.some((s) => s.startsWith('punctuation.section.block'))), 'braces are scoped');
});

for (const file of [...farmFiles('examples'), ...farmFiles('conformance')]) {
  test(`grammar baseline: ${basename(file)}`, () => {
    const lines = tokenize(readFileSync(file, 'utf8')).map((t) => `${t.line + 1}: ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`);
    matchBaseline(`grammar/${basename(file, '.farm')}.tokens.txt`, lines.join('\n') + '\n');
  });
}
