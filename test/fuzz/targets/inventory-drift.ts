// Inventory files (what a server has, written by the inventory scripts)
// through the reader (src/core/scripts/inventory.ts) and drift against the
// topology (drift.ts), from the real inventories in test/fixtures/
// mutated as trees and as bytes. Survived means: the reader never throws
// (it answers an inventory or errors), drift never throws, and every drift
// diagnostic's range lies inside the .farm document.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core';
import type { Analysis } from '../../../src/core/analyze';
import { drift, readInventory } from '../../../src/core/scripts';
import type { Inventory } from '../../../src/core/scripts';
import { repoRoot } from '../../support/paths';
import { mutateText } from '../framework/mutations';
import type { FuzzTarget } from '../framework/target';
import { farmFragments } from './farm-inputs';
import { Random } from '../framework/random';
import { jsonInput } from './json-files';

const fixtures = join(repoRoot, 'test', 'fixtures', 'inventories');
let inventories: string[] | undefined;
const samples = (): string[] =>
  (inventories ??= ['contoso', 'contoso-drift'].flatMap((dir) => readdirSync(join(fixtures, dir)).sort().map((f) => readFileSync(join(fixtures, dir, f), 'utf8'))));

let contoso: string | undefined;
const analyses = new Map<string, Analysis>();

/** One input: the farm variant's index byte, then the inventory's bytes. */
export const inventoryDrift: FuzzTarget<Buffer> = {
  name: 'inventory-drift',
  count: 5_000,
  seed: 2232,
  deadlineMs: 3000,
  kind: 'bytes',
  setUp() {
    contoso = readFileSync(join(repoRoot, 'examples', 'contoso.farm'), 'utf8');
  },
  generate(rng) {
    // Most inventories meet the farm they were taken of; some a mutated one, whose ranges move.
    const variant = rng.chance(0.8) ? 0 : 1 + rng.int(255);
    return Buffer.concat([Buffer.from([variant]), jsonInput(rng, samples())]);
  },
  run(bytes) {
    const variant = bytes[0] ?? 0;
    const text = variant === 0 ? contoso! : mutateText(new Random(variant), contoso!, farmFragments);
    let analysis = analyses.get(text);
    if (!analysis) analyses.set(text, (analysis = analyze(text)));
    const result = readInventory(bytes.subarray(1).toString('utf8'), 'fuzz.inventory.json');
    if (!result.ok) {
      assert.ok(result.errors.length > 0 && result.errors.every((e) => typeof e === 'string' && e.length > 0), 'a refused inventory without a reason');
      return;
    }
    const invs: Inventory[] = [result.inventory, ...(variant % 2 ? [result.inventory] : [])];
    for (const d of drift(analysis, invs)) {
      assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, `drift ${d.code} [${d.start},${d.end}) outside a text of ${text.length}`);
      assert.ok(typeof d.message === 'string' && d.message.length > 0, `drift ${d.code} without a message`);
    }
  },
};
