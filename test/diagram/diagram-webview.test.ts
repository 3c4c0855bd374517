// The diagram webview (dist/webview/diagram.js) in chromium under the
// panel's CSP, fed what the real language server answers for contoso.farm,
// first-steps.farm and a 255-server farm: SVG nodes, edges and dashed
// missing trusts asserted by DOM, the feature highlight, clicks and keys
// that ask the extension, the cursor, collapsed groups, saved state, PNG.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { DiagramResult } from '../../src/server/diagram-protocol';
import { LspSession } from '../server/lsp-session';
import { openPanel, ORIGIN, type PanelPage } from '../panels/webview-page';
import { repoRoot } from '../support/paths';
import { generateFarm } from './big-farm';

const example = (name: string) => readFileSync(join(repoRoot, 'examples', name), 'utf8');

describe('diagram webview', () => {
  let p: PanelPage;
  let session: LspSession;
  const answers = new Map<string, DiagramResult>();
  const message = (uri: string, expanded: string[] = []) => ({ type: 'diagram', uri, version: answers.get(uri)!.version, title: `Diagram: ${uri}`, graph: answers.get(uri)!.graph, layout: answers.get(uri)!.layout, expanded });

  before(async () => {
    session = await LspSession.start();
    for (const [uri, text] of [
      ['untitled:contoso.farm', example('contoso.farm')],
      ['untitled:first-steps.farm', example('first-steps.farm')],
      ['untitled:big.farm', generateFarm(255).farm],
    ] as const) {
      await session.open(uri, text);
      answers.set(uri, (await session.connection.sendRequest('office-farm/diagram', { uri })) as DiagramResult);
    }
    p = await openPanel('diagram');
    await p.load();
    // The page defines the theme's variables as VS Code does, so colours can be asserted.
    await p.page.evaluate(() => {
      const s = document.documentElement.style;
      s.setProperty('--vscode-errorForeground', 'rgb(241, 76, 76)');
      s.setProperty('--vscode-foreground', 'rgb(204, 204, 204)');
    });
  });
  after(async () => {
    await p?.close();
    await session?.stop();
  });

  const count = (selector: string) => p.page.evaluate((s: string) => document.querySelectorAll(s).length, selector);
  const posted = async (type: string) => (await p.posted()).filter((m) => m.type === type);

  test('contoso.farm: one node per server in five kind groups, three two-way trusts, nothing missing', async () => {
    await p.deliver(message('untitled:contoso.farm'));
    assert.equal(await count('svg.farm-diagram g.node.server'), 5);
    assert.deepEqual(await p.page.evaluate(() => Array.from(document.querySelectorAll('g.node.server')).map((g) => g.getAttribute('data-id'))), ['ex01', 'sp01', 'lync01', 'wac01', 'pwa01']);
    assert.equal(await count('g.group.open'), 5);
    assert.equal(await count('g.edge.trust'), 3);
    assert.equal(await count('g.edge.trust line.edge-line[marker-start][marker-end]'), 3, 'two-way trusts have a head at each end');
    assert.equal(await count('g.edge.missing'), 0);
    assert.match(await p.page.locator('.summary').textContent(), /5 servers · 3 trusts · 0 missing/);
    const ex01 = await p.page.evaluate(() => document.querySelector('g.node[data-id="ex01"]')!.textContent);
    assert.match(ex01!, /ex01.*mail\.contoso\.com.*Exchange 2013/);
    assert.deepEqual(p.errors, []);
  });

  test('first-steps.farm: the missing trust ex01 -> sp01 is dashed in the error colour; ex01 carries its problem badges', async () => {
    await p.deliver(message('untitled:first-steps.farm'));
    assert.equal(await count('g.node.server'), 2);
    assert.equal(await count('g.edge.trust'), 1);
    const missing = await p.page.evaluate(() => {
      const g = document.querySelector('g.edge.missing')!;
      const line = g.querySelector('line.edge-line')!;
      return { from: g.getAttribute('data-from'), to: g.getAttribute('data-to'), dash: line.getAttribute('stroke-dasharray'), stroke: getComputedStyle(line).stroke };
    });
    assert.deepEqual(missing, { from: 'ex01', to: 'sp01', dash: '6 4', stroke: 'rgb(241, 76, 76)' });
    const solid = await p.page.evaluate(() => document.querySelector('g.edge.trust line.edge-line')!.getAttribute('stroke-dasharray'));
    assert.equal(solid, null);
    const badges = await p.page.evaluate(() => Array.from(document.querySelectorAll('g.node[data-id="ex01"] .badge')).map((b) => `${b.getAttribute('data-severity')}=${b.getAttribute('data-count')}`));
    assert.deepEqual(badges, ['error=1', 'information=1']);
  });

  test('picking a feature lights its participants and trusts, the missing one included, and dims the rest', async () => {
    await p.deliver(message('untitled:contoso.farm'));
    await p.page.locator('select.feature-filter').selectOption('unified-contact-store');
    const lit = await p.page.evaluate(() => Array.from(document.querySelectorAll('.lit')).map((e) => e.getAttribute('data-id')).sort());
    assert.deepEqual(lit, ['ex01', 'ex01->lync01', 'lync01']);
    assert.ok(await p.page.evaluate(() => document.querySelector('g.node[data-id="sp01"]')!.classList.contains('dim')));
    await p.deliver(message('untitled:first-steps.farm'));
    await p.page.locator('select.feature-filter').selectOption('site-mailboxes');
    assert.ok(await p.page.evaluate(() => document.querySelector('g.edge.missing')!.classList.contains('lit')));
    assert.equal((await p.page.evaluate(() => (window as any).__state.feature)), 'site-mailboxes');
  });

  test('a click on a node or a missing trust asks the extension to reveal it; a drag pans instead', async () => {
    await p.deliver(message('untitled:first-steps.farm'));
    await p.page.locator('g.node[data-id="sp01"] .node-box').click();
    await p.page.locator('g.edge.missing .edge-hit').click({ force: true });
    const reveals = await posted('reveal');
    assert.deepEqual(reveals.slice(-2), [
      { type: 'reveal', kind: 'node', id: 'sp01' },
      { type: 'reveal', kind: 'missing', id: 'missing:ex01->sp01' },
    ]);
    const before = await p.page.evaluate(() => document.querySelector('g.viewport')!.getAttribute('transform'));
    const box = await p.page.locator('.canvas').boundingBox();
    // Playwright's mouse, which the shared Page type leaves out.
    const mouse = (p.page as unknown as { mouse: { move(x: number, y: number, o?: { steps: number }): Promise<void>; down(): Promise<void>; up(): Promise<void> } }).mouse;
    await mouse.move(box.x + 20, box.y + box.height - 20);
    await mouse.down();
    await mouse.move(box.x + 120, box.y + box.height - 60, { steps: 5 });
    await mouse.up();
    assert.notEqual(await p.page.evaluate(() => document.querySelector('g.viewport')!.getAttribute('transform')), before);
    assert.equal((await posted('reveal')).length, reveals.length, 'the drag revealed nothing');
  });

  test('keyboard: Tab reaches a server, Enter reveals it; + zooms, 0 fits', async () => {
    await p.deliver(message('untitled:contoso.farm'));
    await p.page.focus('.canvas');
    await p.page.keyboard.press('Tab');
    assert.equal(await p.page.evaluate(() => document.activeElement?.getAttribute('data-id')), 'ex01');
    await p.page.keyboard.press('Enter');
    assert.deepEqual((await posted('reveal')).at(-1), { type: 'reveal', kind: 'node', id: 'ex01' });
    const scale = () => p.page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector('g.viewport')!.getAttribute('transform')!)![1]));
    await p.page.focus('.canvas');
    await p.page.keyboard.press('0');
    const fitted = await scale();
    await p.page.keyboard.press('+');
    assert.ok((await scale()) > fitted);
    await p.page.keyboard.press('0');
    assert.equal(await scale(), fitted);
  });

  test('the cursor in a block highlights its node', async () => {
    await p.deliver(message('untitled:contoso.farm'));
    await p.deliver({ type: 'cursor', id: 'lync01' });
    assert.deepEqual(await p.page.evaluate(() => Array.from(document.querySelectorAll('.selected')).map((e) => e.getAttribute('data-id'))), ['lync01']);
    await p.deliver({ type: 'cursor' });
    assert.equal(await count('.selected'), 0);
  });

  test('the minimap outlines the view and a click there moves it', async () => {
    await p.deliver(message('untitled:contoso.farm'));
    assert.equal(await count('svg.minimap rect.minimap-node'), 5);
    const before = await p.page.evaluate(() => document.querySelector('g.viewport')!.getAttribute('transform'));
    await p.page.locator('svg.minimap').click({ position: { x: 170, y: 110 } });
    assert.notEqual(await p.page.evaluate(() => document.querySelector('g.viewport')!.getAttribute('transform')), before);
  });

  test('255 servers: each kind is a closed group node; a click asks to open it', async () => {
    await p.deliver(message('untitled:big.farm'));
    assert.equal(await count('g.node.server'), 0);
    assert.equal(await count('g.group.collapsed'), 5);
    assert.match(await p.page.locator('.summary').textContent(), /255 servers .* 5 kinds collapsed/);
    await p.page.locator('g.group.collapsed[data-id="group:exchange"] .node-box').click();
    assert.deepEqual((await posted('toggleGroup')).at(-1), { type: 'toggleGroup', id: 'group:exchange' });
  });

  test('a reload keeps the document, the feature and the view (the serializer hands this state back)', async () => {
    await p.deliver(message('untitled:first-steps.farm'));
    await p.page.locator('select.feature-filter').selectOption('site-mailboxes');
    const state = await p.page.evaluate(() => (window as any).__state);
    assert.equal(state.uri, 'untitled:first-steps.farm');
    assert.ok(state.view && state.layout);
    assert.ok(!JSON.stringify(state).includes('mail.fabrikam.com'), 'the saved state holds positions, not the farm');
    await p.load(state);
    await p.deliver(message('untitled:first-steps.farm'));
    assert.equal(await p.page.evaluate(() => (document.querySelector('select.feature-filter') as HTMLSelectElement).value), 'site-mailboxes');
    assert.equal(await p.page.evaluate(() => document.querySelector('g.viewport')!.getAttribute('transform')), `translate(${Math.round(state.view.x * 10) / 10} ${Math.round(state.view.y * 10) / 10}) scale(${Math.round(state.view.scale * 10000) / 10000})`);
  });

  test('rasterise: the standalone SVG becomes a PNG in the page', async () => {
    const svg = ((await session.connection.sendRequest('office-farm/diagram', { uri: 'untitled:contoso.farm', svg: true })) as DiagramResult).svg!;
    const { width, height } = answers.get('untitled:contoso.farm')!.layout;
    await p.deliver({ type: 'rasterise', id: 7, svg, width, height, scale: 2 });
    await p.page.waitForFunction(() => (window as any).__posted.some((m: any) => m.type === 'png' || m.type === 'rasteriseFailed'));
    const png = (await posted('png')).at(-1) as { id: number; data: string };
    assert.equal(png.id, 7);
    const bytes = Buffer.from(png.data, 'base64');
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    assert.equal(bytes.readUInt32BE(16), width * 2);
  });

  test('colours come from the theme: dark and high contrast restyle the same drawing', async () => {
    await p.deliver(message('untitled:first-steps.farm'));
    await p.page.locator('select.feature-filter').selectOption('');
    await p.deliver({ type: 'cursor' });
    const look = () =>
      p.page.evaluate(() => {
        const box = document.querySelector('g.node[data-id="ex01"] .node-box')!;
        return { stroke: getComputedStyle(box).stroke, width: getComputedStyle(box).strokeWidth, fill: getComputedStyle(box).fill };
      });
    await p.page.evaluate(() => {
      document.body.className = 'vscode-dark';
      const s = document.documentElement.style;
      s.setProperty('--vscode-editorWidget-background', 'rgb(37, 37, 38)');
      s.setProperty('--vscode-editorWidget-border', 'rgb(69, 69, 69)');
      s.setProperty('--vscode-contrastBorder', 'rgb(111, 195, 223)');
    });
    assert.deepEqual(await look(), { stroke: 'rgb(69, 69, 69)', width: '1px', fill: 'rgb(37, 37, 38)' });
    await p.page.evaluate(() => (document.body.className = 'vscode-high-contrast'));
    assert.deepEqual(await look(), { stroke: 'rgb(111, 195, 223)', width: '1.5px', fill: 'rgb(37, 37, 38)' });
    await p.page.evaluate(() => (document.body.className = ''));
  });

  test('invalid messages are dropped; nothing left the page; no CSP violation', async () => {
    const before = await p.page.evaluate(() => document.querySelector('.canvas')!.innerHTML.length);
    await p.deliver({ type: 'diagram', uri: 'x', graph: { nodes: [{ id: '<img src=x onerror=alert(1)>' }] } });
    await p.deliver({ type: 'cursor', id: 5 });
    assert.equal(await p.page.evaluate(() => document.querySelector('.canvas')!.innerHTML.length), before);
    assert.ok(p.requests.every((u) => u.startsWith(ORIGIN) || u.startsWith('data:')), p.requests.join(', '));
    assert.deepEqual(p.console.filter((l) => /Content Security Policy|Refused/.test(l)), []);
    assert.deepEqual(p.errors, []);
  });
});
