// .farm text through the configuration-script and inventory-script
// generators (src/core/scripts/generate.ts, inventory-script.ts).
// Survived means: no exception, the same text twice gives byte-identical
// scripts, and every script parses as PowerShell (tree-sitter's grammar, as
// test/scripts/ checks) with no ERROR or MISSING node, no subexpression, no
// expandable string and no variable outside the generator's own: every
// hostile value stayed an inert literal. The parse is slow, so the count is
// small and the inputs are biased towards hostile names and URLs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { analyze } from '../../../src/core';
import { generateInventoryScripts, generateScripts } from '../../../src/core/scripts';
import type { GeneratedScript } from '../../../src/core/scripts';
import { repoRoot } from '../../support/paths';
import { parsePowerShell, powershellParser, readVerbatim, syntaxErrors } from '../../scripts/powershell';
import { mutateText } from '../framework/mutations';
import type { Random } from '../framework/random';
import type { FuzzTarget } from '../framework/target';
import { farmFragments, farmSamples } from './farm-inputs';

/** What PowerShell would run inside a careless literal: quotes of every kind it honours, $(...), backticks, newlines. */
export const hostileParts = [
  "'", "''", '\u2018', '\u2019', '\u201A', '\u201B', '$(Stop-Computer)', '$env:USERNAME', '${x}', '`', '`n', '`"', '\\n', '\\r\\n', '\\"', '\\\\',
  '@(', ')', '#', '<#', '#>', ';', '|', '&', '%', '\\u2018', '\\u0000', '\\t', ' ', 'é', '😀',
];

let scriptSamples: string[] | undefined;
const samples = (): string[] =>
  (scriptSamples ??= [...['hostile.farm', 'owa-im.farm', 'wac-http.farm'].map((f) => readFileSync(join(repoRoot, 'test', 'fixtures', 'scripts', f), 'utf8')), ...farmSamples()]);

/** A .farm string literal's inside made of hostile parts (the .farm escapes decode to the characters). */
function hostileString(rng: Random, base: string): string {
  let s = base;
  for (let i = 1 + rng.int(6); i > 0; i--) {
    const at = rng.int(s.length + 1);
    s = s.slice(0, at) + rng.pick(hostileParts) + s.slice(at);
  }
  return s.replace(/\\(?![nrt"\\u])/g, '\\\\');
}

/** A small farm whose every written value is hostile: servers of the four kinds trusting each other, features tying them. */
function hostileFarm(rng: Random): string {
  const host = (): string => hostileString(rng, 'mail.contoso.com');
  const url = (): string => hostileString(rng, 'https://intranet.contoso.com/sites/a');
  const lines = [
    `exchange ex01 { host = "${host()}"; metadata = "${hostileString(rng, 'https://mail.contoso.com/autodiscover/metadata/json/1')}"; autodiscover = true; site-mailbox-policy = "${hostileString(rng, 'Policy')}"; owa-im = ${rng.chance(0.5)}; trusts = [sp01, lync01] }`,
    `sharepoint sp01 { url = "${url()}"; services = [user-profile-sync, app-management]; ews-api = true; trusts = [ex01, lync01] }`,
    `lync lync01 { host = "${host()}"; trusts = [ex01, sp01]; trusted-applications = [ex01] }`,
    `office-web-apps wac01 { url = "${url()}"; hosts = [sp01, ex01, lync01] }`,
    `feature site-mailboxes { exchange = ex01; sharepoint = sp01; prefix = "${hostileString(rng, 'SM-')}" }`,
    `feature lync-presence { exchange = ex01; lync = lync01 }`,
    `feature unified-contact-store { exchange = ex01; lync = lync01 }`,
    `site-mailbox projectx { site = "${url()}"; address = "${hostileString(rng, 'ProjectX@contoso.com')}" }`,
  ];
  return lines.join('\n');
}

function scriptsOf(text: string): GeneratedScript[] {
  const analysis = analyze(text);
  return [...generateScripts(analysis, { file: 'fuzz.farm' }), ...generateInventoryScripts(analysis, { file: 'fuzz.farm' })];
}

let own: Set<string> | undefined;
/** `${env:X}` and `$env:x` are one variable: PowerShell's names ignore case and braces. */
const variableName = (v: string): string => v.replace(/^\$\{(.*)\}$/, '$$$1').toLowerCase();

export const farmScripts: FuzzTarget<string> = {
  name: 'farm-scripts',
  count: 500,
  seed: 2231,
  deadlineMs: 15_000,
  kind: 'text',
  async setUp() {
    // The grammar's lexer is one huge WebAssembly function: V8's optimising tier spends some 11 s of CPU
    // compiling it once the first input makes it hot, 20 times the whole run's parsing. The baseline
    // compiler alone parses every input of this target in about a second. V8's flags are the process's;
    // only this worker loads WebAssembly in the fuzz test's process, and none of the readers fuzzed here.
    setFlagsFromString('--liftoff-only');
    await powershellParser();
    // The generator's own variables: every $name its sources write (the step table, the inventory collectors, the TODO header).
    own = new Set<string>();
    const dir = join(repoRoot, 'src', 'core', 'scripts');
    for (const f of readdirSync(dir)) for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/\$\{?(?:env:)?[A-Za-z_]\w*\}?/g)) own.add(variableName(m[0]));
  },
  generate(rng) {
    const r = rng.int(10);
    if (r < 6) return hostileFarm(rng);
    if (r < 9) return mutateText(rng, rng.pick(samples()), [...farmFragments, ...hostileParts.map((p) => `"${p}"`), ...hostileParts]);
    return mutateText(rng, hostileFarm(rng), farmFragments).slice(0, 8_000);
  },
  async run(text) {
    const once = scriptsOf(text);
    const twice = scriptsOf(text);
    assert.deepEqual(twice, once, 'the same text made different scripts');
    for (const s of once) {
      assert.match(s.fileName, /^[^\\/:*?"<>|\r\n]+\.ps1$/, `a script file name a file system refuses: ${JSON.stringify(s.fileName)}`);
      // The TODO variables the header declares empty are the generator's too.
      const todos = new Set([...s.text.matchAll(/^(\$\w+) = '' {2}# TODO: /gm)].map((m) => variableName(m[1])));
      const tree = await parsePowerShell(s.text);
      try {
        // hasError covers ERROR and MISSING nodes; the list is made only for the message.
        if (tree.rootNode.hasError) assert.deepEqual(syntaxErrors(tree), [], `${s.fileName} does not parse as PowerShell`);
        // descendantsOfType walks in the parser's memory: visiting every node from JS would cost ten times the parse.
        for (const n of tree.rootNode.descendantsOfType(['sub_expression', 'expandable_string_literal', 'variable', 'verbatim_string_characters'])) {
          if (!n) continue;
          if (n.type === 'verbatim_string_characters') {
            // The grammar knows only the ASCII quote; PowerShell ends a verbatim string on U+2018..U+201B too.
            const read = readVerbatim(n.text);
            assert.ok(read && read.end === n.text.length, `${s.fileName}: a string PowerShell ends early: ${n.text.slice(0, 80)}`);
            continue;
          }
          assert.notEqual(n.type, 'sub_expression', `${s.fileName}: a subexpression ${n.text.slice(0, 80)}`);
          assert.notEqual(n.type, 'expandable_string_literal', `${s.fileName}: an expandable string ${n.text.slice(0, 80)}`);
          assert.ok(own!.has(variableName(n.text)) || todos.has(variableName(n.text)), `${s.fileName}: a variable the generator does not make: ${n.text}`);
        }
      } finally {
        tree.delete();
      }
    }
  },
};
