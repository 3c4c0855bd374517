// Every fuzz target, two at a time (one per core), each in its own worker:
// the corpus replayed first, then the generated inputs. Prints the counts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runTarget } from './framework/run-target';
import { targetNames } from './targets';

describe('fuzz targets', { concurrency: 2 }, () => {
  for (const name of targetNames) {
    test(name, async (t) => {
      const report = await runTarget(name);
      t.diagnostic(`fuzz ${name}: ${report.corpus} corpus + ${report.generated} generated inputs in ${report.ms} ms, ${report.failures.length} failures`);
      assert.deepEqual(report.failures, [], `${name} failed on ${report.failures.length} inputs:\n${report.failures.join('\n\n')}`);
    });
  }
});
