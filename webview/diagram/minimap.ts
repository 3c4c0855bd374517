// The minimap: the whole drawing in small (groups and nodes as boxes) with
// the visible part outlined; a click there centres the view on that point.
import type { DiagramLayout } from './messages';
import type { View } from './pan-zoom';

const SVG = 'http://www.w3.org/2000/svg';

export class Minimap {
  readonly element: SVGSVGElement;
  private readonly frame: SVGRectElement;
  private readonly boxes: SVGGElement;
  private layout?: DiagramLayout;

  constructor(onPick: (x: number, y: number) => void) {
    this.element = document.createElementNS(SVG, 'svg');
    this.element.setAttribute('class', 'minimap');
    this.element.setAttribute('aria-label', 'Minimap: click to move the view');
    this.element.setAttribute('role', 'img');
    this.boxes = document.createElementNS(SVG, 'g');
    this.frame = document.createElementNS(SVG, 'rect');
    this.frame.setAttribute('class', 'minimap-frame');
    this.element.append(this.boxes, this.frame);
    this.element.addEventListener('click', (e) => {
      if (!this.layout) return;
      const r = this.element.getBoundingClientRect();
      const { width, height } = this.layout;
      // The drawing is scaled into the minimap keeping its proportions, centred (preserveAspectRatio's default).
      const k = Math.min(r.width / width, r.height / height);
      const ox = (r.width - width * k) / 2;
      const oy = (r.height - height * k) / 2;
      onPick((e.clientX - r.left - ox) / k, (e.clientY - r.top - oy) / k);
    });
  }

  draw(layout: DiagramLayout): void {
    this.layout = layout;
    this.element.setAttribute('viewBox', `0 0 ${Math.max(1, layout.width)} ${Math.max(1, layout.height)}`);
    const parts: string[] = [];
    for (const g of layout.groups) parts.push(`<rect class="minimap-group${g.collapsed ? ' collapsed' : ''}" x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}"/>`);
    for (const n of layout.nodes) parts.push(`<rect class="minimap-node" x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}"/>`);
    // Numbers only: nothing from the file reaches this markup.
    this.boxes.innerHTML = parts.join('');
  }

  /** Outlines what a `cw` × `ch` window shows under `view`. */
  show(view: View, cw: number, ch: number): void {
    this.frame.setAttribute('x', String(-view.x / view.scale));
    this.frame.setAttribute('y', String(-view.y / view.scale));
    this.frame.setAttribute('width', String(Math.max(1, cw / view.scale)));
    this.frame.setAttribute('height', String(Math.max(1, ch / view.scale)));
  }
}
