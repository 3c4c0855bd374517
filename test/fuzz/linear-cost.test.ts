// Linear cost: doubling a farm several times doubles the work of every
// pass, counted by kind (src/core/work-counter.ts), not timed. A kind whose
// count grows faster than its input (a loop over all of something inside a
// loop over all of something) fails here on any machine. Layout and the
// script generator count into the same counter when they come; each is one
// more row in `passes`.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { analyze } from '../../src/core';
import { buildFarmGraph, layoutFarm } from '../../src/core/diagram';
import { generateScripts } from '../../src/core/scripts';
import { WorkCounter } from '../../src/core/work-counter';
import { parse } from '../../src/core/syntax/parser';
import type * as Generator from '../../bench/farm-generator';
import { repoRoot } from '../support/paths';

// The bench's farm generator lies outside the folders the test build compiles: bundled here, as test/bench does.
function loadGenerator(): typeof Generator {
  const outfile = join(repoRoot, 'bench', 'work', 'fuzz-farm-generator.cjs');
  mkdirSync(join(repoRoot, 'bench', 'work'), { recursive: true });
  esbuild.buildSync({ entryPoints: [join(repoRoot, 'bench', 'farm-generator.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return require(outfile) as typeof Generator;
}
const { generateFarm } = loadGenerator();

/** From 250 to 4,000 servers: four doublings. */
const sizes = [250, 500, 1000, 2000, 4000];
/** A doubling may cost at most this much more than twice (a constant part shrinks the ratio below 2, never above). */
const MAX_RATIO = 2.15;

const passes: Record<string, (text: string, counter: WorkCounter) => void> = {
  parse: (text, counter) => void parse(text, counter),
  analyze: (text, counter) => void analyze(text, undefined, undefined, undefined, counter),
  // The diagram's passes count only their own work: the analysis they read is made without the counter.
  'diagram graph': (text, counter) => void buildFarmGraph(analyze(text), { counter }),
  // Farms above 250 servers close their kinds into groups: each mode is forced over every size.
  'diagram layout (expanded)': (text, counter) => void layoutFarm(buildFarmGraph(analyze(text)), { collapseAbove: Number.POSITIVE_INFINITY, counter }),
  // The model's lookups per server go through one index (src/core/scripts/model-index.ts): its entries, the
  // entries each server's steps read from it, the steps and lines written all grow with the farm.
  'script generator': (text, counter) => void generateScripts(analyze(text), { file: 'farm.farm', counter }),
  'diagram layout (collapsed)': (text, counter) => void layoutFarm(buildFarmGraph(analyze(text)), { collapseAbove: 0, counter }),
};

for (const [pass, run] of Object.entries(passes)) {
  test(`${pass}: work grows linearly over four doublings of the farm`, (t) => {
    const counted = sizes.map((servers) => {
      const counter = new WorkCounter();
      run(generateFarm(servers, { planted: true }).farm, counter);
      return counter;
    });
    const kinds = [...counted[counted.length - 1].counts.keys()];
    assert.ok(kinds.length > 0, 'nothing was counted');
    for (const kind of kinds) {
      const counts = counted.map((c) => c.get(kind));
      t.diagnostic(`${pass} ${kind}: ${counts.join(' → ')}`);
      for (let i = 1; i < counts.length; i++) {
        const ratio = counts[i] / Math.max(1, counts[i - 1]);
        assert.ok(ratio <= MAX_RATIO, `${pass}: ${kind} went from ${counts[i - 1]} to ${counts[i]} (×${ratio.toFixed(2)}) when the farm went from ${sizes[i - 1]} to ${sizes[i]} servers`);
      }
    }
  });
}

test('the counter sees a quadratic pass: a list of n names inside n blocks grows by four per doubling', () => {
  // The test's own check: a text whose size grows as n² must be seen growing faster than twice.
  const text = (n: number) => Array.from({ length: n }, (_, i) => `user u${i} { address = "u${i}@contoso.com" }\nsharepoint s${i} { trusts = [${Array.from({ length: n }, (_, j) => `u${j}`).join(', ')}] }`).join('\n');
  const [a, b] = [50, 100].map((n) => {
    const c = new WorkCounter();
    parse(text(n), c);
    return c.get('nodes');
  });
  assert.ok(b / a > 3.5, `nodes went from ${a} to ${b}`);
});
