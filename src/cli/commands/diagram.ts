import { analyze } from '../../core/analyze';
import { writeFileAtomic, WriteFailed } from '../write-atomic';
import { buildFarmGraph, layoutFarm, renderSvg } from '../../core/diagram';
import { parseCommandArgs } from '../parse-args';
import { readInputs } from '../read-inputs';
import { UsageError } from '../usage-error';

/**
 * Draws a farm file's topology as SVG (the renderer the editor's diagram
 * uses, with a fixed light palette) or PNG. PNG goes through
 * @resvg/resvg-js, a native module installed with the npm package; the
 * .vsix carries no node_modules, so its CLI says how to get PNG instead.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, {
    format: { type: 'string', default: 'svg' },
    out: { type: 'string' },
    expand: { type: 'string', multiple: true },
    'collapse-above': { type: 'string' },
  });
  const { format, out } = parsed.values;
  if (format !== 'svg' && format !== 'png') throw new UsageError(`--format takes svg or png, not ${format}`);
  if (parsed.positionals.length !== 1) throw new UsageError('diagram takes exactly one FILE');
  if (format === 'png' && !out) throw new UsageError('--format png needs --out FILE (PNG is not written to the terminal)');
  const collapseAbove = parsed.values['collapse-above'] === undefined ? undefined : Number(parsed.values['collapse-above']);
  if (collapseAbove !== undefined && !(Number.isInteger(collapseAbove) && collapseAbove >= 0)) throw new UsageError('--collapse-above takes a whole number of servers');
  const [{ file, text }] = readInputs(parsed.positionals);

  const analysis = analyze(text);
  const graph = buildFarmGraph(analysis);
  if (graph.nodes.length === 0) {
    process.stderr.write(`office-farm diagram: ${file} declares no server to draw\n`);
    return 1;
  }
  const layout = layoutFarm(graph, { expanded: parsed.values.expand ?? [], ...(collapseAbove !== undefined ? { collapseAbove } : {}) });
  const svg = renderSvg(graph, layout, { mode: 'standalone' });
  if (format === 'svg') {
    if (out) {
      if (!written(out, svg)) return 1;
    } else process.stdout.write(svg + '\n');
  } else {
    const png = rasterise(svg);
    if (!png) {
      process.stderr.write('office-farm diagram: PNG needs the @resvg/resvg-js package, which this installation lacks (the CLI inside the .vsix has no native modules). Install the npm package office-farm, or write SVG with --format svg.\n');
      return 2;
    }
    if (!written(out!, png)) return 1;
  }
  if (out) process.stderr.write(`${out}: ${graph.nodes.length} servers, ${graph.edges.length} trusts, ${graph.missing.length} missing\n`);
  return 0;
}

type Resvg = new (svg: string, options?: object) => { render(): { asPng(): Buffer } };

function rasterise(svg: string): Buffer | undefined {
  let Renderer: Resvg;
  try {
    // Loaded only for PNG, and kept out of the bundle (scripts/build.mjs): it is a native module.
    Renderer = (require('@resvg/resvg-js') as { Resvg: Resvg }).Resvg;
  } catch {
    return undefined;
  }
  return new Renderer(svg, { background: '#ffffff', fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

/** The picture written in one rename; on failure the old file stays and the reason is printed. */
function written(out: string, content: string | Uint8Array): boolean {
  try {
    writeFileAtomic(out, content);
    return true;
  } catch (error) {
    if (!(error instanceof WriteFailed)) throw error;
    process.stderr.write(`office-farm diagram: ${error.message}\n`);
    return false;
  }
}
