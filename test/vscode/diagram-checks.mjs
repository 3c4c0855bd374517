// The topology diagram as a person uses it, in the real workbench:
// contoso.farm open, "Office Farm: Show Topology Diagram" from the palette,
// the webview's own DOM (iframe.webview → #active-frame) drawing the five
// servers and three trusts, a click on sp01 in the drawing moving the
// editor's cursor to its declaration (read from the status bar), and a
// screenshot for the README.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbench } from './editor-checks.mjs';

/**
 * @returns {Promise<{ name: string, passed: boolean, error?: string }[]>}
 */
export async function runDiagramChecks({ root, tools, server, scratch, screenshotPath }) {
  const workspace = join(scratch, 'diagram/farms');
  mkdirSync(workspace, { recursive: true });
  copyFileSync(join(root, 'examples/first-steps.farm'), join(workspace, 'first-steps.farm'));
  copyFileSync(join(root, 'examples/contoso.farm'), join(workspace, 'contoso.farm'));
  const contoso = readFileSync(join(workspace, 'contoso.farm'), 'utf8');
  const lineOf = (needle) => contoso.slice(0, contoso.indexOf(needle)).split('\n').length;
  const columnOf = (needle) => contoso.indexOf(needle) - contoso.lastIndexOf('\n', contoso.indexOf(needle));
  const w = await workbench({ tools, server, workspace, shots: screenshotPath, loads: 'the workbench loads a folder with contoso.farm' });
  const { page, check, runCommand } = w;
  try {
    if (!w.loaded) return w.results;
    await runCommand('Control+P', 'contoso.farm');
    await page.locator('.tabs-container .tab', { hasText: 'contoso.farm' }).first().waitFor();
    await check('the editor title of a .farm file has the Show Topology Diagram button', async () => {
      await page.locator('.editor-actions .action-label[aria-label*="Show Topology Diagram"]').first().waitFor();
    });
    const frame = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await check('"Office Farm: Show Topology Diagram" opens the diagram beside the editor: five servers, three two-way trusts', async () => {
      await runCommand('F1', 'Office Farm: Show Topology Diagram');
      await frame.locator('svg.farm-diagram g.node.server[data-id="pwa01"]').waitFor();
      const servers = await frame.locator('g.node.server').count();
      const trusts = await frame.locator('g.edge.trust.two-way').count();
      if (servers !== 5 || trusts !== 3) throw new Error(`${servers} servers and ${trusts} two-way trusts drawn`);
      await page.locator('.tabs-container .tab', { hasText: 'Diagram: contoso.farm' }).first().waitFor();
    });
    await check('a click on sp01 in the diagram puts the cursor on its declaration', async () => {
      await frame.locator('g.node.server[data-id="sp01"] .node-box').click();
      // The name is selected: the status bar gives the line and the column after it, and how much is selected.
      const line = lineOf('sharepoint sp01');
      const after = columnOf('sharepoint sp01') + 'sharepoint sp01'.length;
      await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${after} (4 selected)` }).first().waitFor();
    });
    await check('picking a feature lights its servers in the drawing', async () => {
      await frame.locator('select.feature-filter').selectOption('unified-contact-store');
      await frame.locator('g.node.server.lit[data-id="lync01"]').waitFor();
      await frame.locator('g.node.server.dim[data-id="sp01"]').waitFor();
    });
    await page.mouse.move(1300, 880);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath });
    console.log(`  screenshot: ${screenshotPath}`);
  } finally {
    await w.close();
  }
  return w.results;
}
