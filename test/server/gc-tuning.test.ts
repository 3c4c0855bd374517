// The server's two settings of V8's collector (src/server/gc-tuning.ts):
// the young generation stays at its first size, and the heap's growth is
// bounded once, when the first edit arrives. node --test runs this file in
// a process of its own, so setting the flags here touches no other test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import { boundHeapGrowth, heapGrowingPercent, keepYoungGenerationSmall } from '../../src/server/gc-tuning';

const newSpaceMB = (): number => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size / 2 ** 20;

test('the young generation stays at its first size while a large tree is built', () => {
  keepYoungGenerationSmall();
  const kept: Array<{ n: number; next: unknown }> = [];
  for (let i = 0; i < 1_000_000; i++) kept.push({ n: i, next: kept[i - 1] });
  // Left to grow, V8 takes it to 32 MB under such a load (16 MB per half).
  assert.ok(newSpaceMB() <= 4, `new space is ${newSpaceMB().toFixed(1)} MB`);
  assert.equal(kept.length, 1_000_000);
});

test('the heap growth bound is set once, to the measured percentage', () => {
  const calls: string[] = [];
  const original = v8.setFlagsFromString;
  v8.setFlagsFromString = (flags: string) => {
    calls.push(flags);
    original(flags);
  };
  try {
    boundHeapGrowth();
    boundHeapGrowth();
  } finally {
    v8.setFlagsFromString = original;
  }
  assert.deepEqual(calls, [`--heap-growing-percent=${heapGrowingPercent}`]);
});
