// The benchmark's farm generator (bench/farm-generator.ts, issue 7): the same
// N gives the same bytes, the valid farm is silent, the planted farm reports
// exactly what was planted, and the YAML spelling is well-formed, means the
// same farm, and its JSON Schema accepts the valid farm and catches the
// planted errors it can see.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import Ajv from 'ajv';
import { parseDocument } from 'yaml';
import { analyze } from '../../src/core/analyze';
import type * as Generator from '../../bench/farm-generator';

// The generator lives beside the bench, outside the folders the test build
// compiles: bundle it here, so this test does not depend on how that build is done.
function loadGenerator(): typeof Generator {
  const root = resolve(__dirname, '..', '..', '..');
  const outfile = join(root, 'bench', 'work', 'test-farm-generator.cjs');
  mkdirSync(join(root, 'bench', 'work'), { recursive: true });
  esbuild.buildSync({ entryPoints: [join(root, 'bench', 'farm-generator.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as typeof Generator;
}

const { farmSchema, generateFarm } = loadGenerator();
const codes = (text: string): string[] => analyze(text).diagnostics.map((d) => d.code).sort();

describe('bench farm generator', () => {
  it('is deterministic', () => {
    const a = generateFarm(200, { planted: true });
    const b = generateFarm(200, { planted: true });
    assert.equal(a.farm, b.farm);
    assert.equal(a.yaml, b.yaml);
    assert.deepEqual(a.planted, b.planted);
    assert.equal(generateFarm(200).farm, generateFarm(200).farm);
  });

  it('declares every kind of block, every feature and two-way trusts', () => {
    const g = generateFarm(50);
    const kinds = new Set(g.blocks.map((b) => b.kind));
    for (const k of ['farm', 'exchange', 'sharepoint', 'lync', 'office-web-apps', 'project', 'feature', 'site-mailbox', 'user']) assert.ok(kinds.has(k as never), k);
    const features = new Set(g.blocks.filter((b) => b.kind === 'feature').map((b) => b.name));
    assert.equal(features.size, 8);
    assert.equal(g.blocks.filter((b) => ['exchange', 'sharepoint', 'lync', 'office-web-apps', 'project'].includes(b.kind)).length, 50);
  });

  for (const n of [50, 200, 2000]) {
    it(`makes a farm of ${n} servers that office-farm check finds nothing in`, () => {
      const diagnostics = analyze(generateFarm(n).farm).diagnostics;
      assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.message}`), []);
    });
  }

  for (const n of [35, 200, 2000]) {
    it(`plants exactly the announced codes in a farm of ${n} servers`, () => {
      const g = generateFarm(n, { planted: true });
      assert.ok(g.planted.length >= 5);
      assert.deepEqual(codes(g.farm), g.planted.flatMap((p) => p.codes).sort());
    });
  }

  it('writes YAML that is well-formed and means the same farm', () => {
    const g = generateFarm(200);
    const doc = parseDocument(g.yaml);
    assert.deepEqual(doc.errors.map((e) => e.message), []);
    assert.deepEqual(doc.warnings.map((e) => e.message), []);
    assert.deepEqual(doc.toJS(), g.data);
  });

  it('has a JSON Schema that accepts the valid YAML and catches the planted errors it can see', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(farmSchema());
    const valid = parseDocument(generateFarm(200).yaml).toJS();
    assert.ok(validate(valid), JSON.stringify(validate.errors));

    const planted = generateFarm(200, { planted: true });
    const doc = parseDocument(planted.yaml);
    assert.ok(doc.errors.length > 0, 'the line without its separator is a YAML error');
    assert.equal(validate(doc.toJS()), false);
    const seen = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    assert.ok(seen.some((x) => /iis-timeout-s minimum$/.test(x)), seen.join('\n'));
    assert.ok(seen.some((x) => /search-crawls\/1 enum$/.test(x)), seen.join('\n'));
    assert.ok(seen.some((x) => /office-web-apps\/wac\d+ additionalProperties$/.test(x)), seen.join('\n'));
  });

  it('rejects sizes that are not a positive multiple of five', () => {
    assert.throws(() => generateFarm(7), RangeError);
    assert.throws(() => generateFarm(0), RangeError);
  });
});
