// A deliberately small test framework for the extension host: mocha is not
// a dependency, and the run() contract only needs a promise that rejects
// when something failed. Tests run one after another, in file order, each
// with its own timeout.

export interface TestResult {
  name: string;
  passed: boolean;
  ms: number;
  error?: string;
}

interface TestCase {
  name: string;
  body: () => unknown;
  timeoutMs: number;
}

const registered: TestCase[] = [];
let currentGroup = '';

/** Groups the tests declared inside `body` under one name prefix. */
export function suite(name: string, body: () => void): void {
  const outer = currentGroup;
  currentGroup = outer ? `${outer} › ${name}` : name;
  try {
    body();
  } finally {
    currentGroup = outer;
  }
}

export function test(name: string, body: () => unknown, options: { timeoutMs?: number } = {}): void {
  registered.push({ name: currentGroup ? `${currentGroup} › ${name}` : name, body, timeoutMs: options.timeoutMs ?? 45_000 });
}

export async function runRegistered(report: (line: string) => void): Promise<TestResult[]> {
  const results: TestResult[] = [];
  for (const t of registered) {
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.body),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs);
        }),
      ]);
      results.push({ name: t.name, passed: true, ms: Date.now() - started });
      report(`  ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: t.name, passed: false, ms: Date.now() - started, error: text });
      report(`  FAIL ${t.name} (${Date.now() - started} ms)\n${indent(text)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  return results;
}

/** Polls `probe` until it returns a value other than undefined, or throws `describe()` after `timeoutMs`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, describe: () => string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${describe()} (waited ${timeoutMs} ms)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `       ${l}`)
    .join('\n');
}
