// The fuzz framework itself: a thrown input, a stalled one and one that
// hangs synchronously are each reported and kept in the corpus; kept inputs
// are replayed first on the next run.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runTarget } from './framework/run-target';

test('failures of every kind are reported and kept; the corpus is replayed first', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'office-farm-fuzz-corpus-'));
  process.env.OFFICE_FARM_FUZZ_CORPUS = dir;
  try {
    const first = await runTarget('self-test');
    assert.equal(first.failures.length, 3, first.failures.join('\n'));
    assert.match(first.failures[0], /generated input 1 kept in .*TypeError: thrown on purpose/s);
    assert.match(first.failures[1], /generated input 2 kept in .*no answer within 300 ms/s);
    assert.match(first.failures[2], /input 4 ran past its deadline of 300 ms \(synchronously; the worker was stopped\)/);
    const kept = readdirSync(join(dir, 'self-test')).map((f) => JSON.parse(readFileSync(join(dir, 'self-test', f), 'utf8')) as { text: string; reason: string });
    assert.equal(kept.length, 3);
    assert.ok(kept.some((k) => k.text.startsWith('input 4 ') && /synchronously/.test(k.reason)), 'the hanging input was made again and kept');

    // The next run meets the kept inputs before any new one: the hang again, at once.
    // (The hang stops that run where it stands in the corpus's order, so the inputs after it are not met.)
    const second = await runTarget('self-test');
    assert.ok(second.failures.length >= 1 && second.failures.every((f) => /^corpus input .* fails again|ran past its deadline.*: \/.*\.json$/s.test(f)), second.failures.join('\n'));
    assert.ok(second.failures.some((f) => /ran past its deadline/.test(f)), 'the kept hang was met again');
    assert.equal(second.generated, 0, 'a new input ran before the corpus was done');
  } finally {
    delete process.env.OFFICE_FARM_FUZZ_CORPUS;
    rmSync(dir, { recursive: true, force: true });
  }
});
