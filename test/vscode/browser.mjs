// Debian's chromium, driven by playwright-core from the tool cache (never a
// browser download: this machine reaches package registries only).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags chromium keeps trying hosts this
// closed network refuses.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function loadPlaywright(tools) {
  return createRequire(join(tools, 'code-server/package.json'))('playwright-core');
}

/** A fresh browser profile per use, removed on close. */
export async function openBrowser(tools, viewport = { width: 1400, height: 900 }) {
  const { chromium } = loadPlaywright(tools);
  const profile = mkdtempSync(join(tmpdir(), 'office-farm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport, args: ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
