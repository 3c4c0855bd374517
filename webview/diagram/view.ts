// The diagram panel's page: a toolbar (feature filter, zoom, fit, counts),
// the SVG drawn by the shared renderer (src/core/diagram/render-svg.ts, the
// CLI's), a minimap, and keyboard access. Clicks become messages for the
// extension: reveal a declaration, open or close a group.
import { button } from '../components';
import { renderSvg } from '../../src/core/diagram/render-svg';
import type { FarmGraph } from '../../src/core/diagram/farm-graph';
import type { DiagramGraph, DiagramLayout, DiagramToHost } from './messages';
import { Minimap } from './minimap';
import { centreOn, fitView, transformOf, zoomAt, type View } from './pan-zoom';

export interface DiagramModel {
  graph?: DiagramGraph;
  layout?: DiagramLayout;
  feature?: string;
  selected?: string;
  view?: View;
}

export class DiagramView {
  private readonly canvas: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly notice: HTMLElement;
  private readonly minimap: Minimap;
  private svg?: SVGSVGElement;
  private viewport?: SVGGElement;
  private drag?: { x: number; y: number; vx: number; vy: number; moved: boolean };
  /** How long the last draw took, in ms (the bench reads it). */
  lastDrawMs = 0;

  constructor(
    root: HTMLElement,
    private readonly model: DiagramModel,
    private readonly post: (m: DiagramToHost) => void,
    private readonly save: () => void,
  ) {
    const toolbar = document.createElement('div');
    toolbar.className = 'toolbar';
    toolbar.setAttribute('role', 'toolbar');
    const label = document.createElement('label');
    label.textContent = 'Feature ';
    this.select = document.createElement('select');
    this.select.className = 'feature-filter';
    this.select.setAttribute('aria-label', 'Highlight a feature');
    this.select.addEventListener('change', () => this.pickFeature(this.select.value || undefined));
    label.append(this.select);
    this.summary = document.createElement('span');
    this.summary.className = 'summary';
    this.summary.setAttribute('aria-live', 'polite');
    toolbar.append(
      label,
      button('−', { appearance: 'icon', title: 'Zoom out (-)', action: () => this.zoomBy(1 / 1.25) }),
      button('+', { appearance: 'icon', title: 'Zoom in (+)', action: () => this.zoomBy(1.25) }),
      button('Fit', { title: 'Fit the diagram to the window (0)', action: () => this.fit() }),
      this.summary,
    );
    this.canvas = document.createElement('div');
    this.canvas.className = 'canvas';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('aria-label', 'Topology diagram: arrow keys pan, + and - zoom, 0 fits, Tab moves between servers, Enter reveals one in the editor');
    this.notice = document.createElement('p');
    this.notice.className = 'notice';
    this.notice.hidden = true;
    this.minimap = new Minimap((x, y) => this.setView(centreOn(this.currentView(), x, y, this.canvas.clientWidth, this.canvas.clientHeight)));
    root.append(toolbar, this.notice, this.canvas, this.minimap.element);
    this.wire();
  }

  showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = false;
  }

  /** Draws the model's graph anew (after each edit). */
  draw(): void {
    const { graph, layout } = this.model;
    if (!graph || !layout) return;
    const started = performance.now();
    this.notice.hidden = true;
    if (this.model.feature && !graph.features.some((f) => f.id === this.model.feature)) this.model.feature = undefined;
    this.fillFeatures(graph);
    // The renderer escapes every text from the file; the markup holds no script and no style attribute.
    this.canvas.innerHTML = renderSvg(graph as FarmGraph, layout, { mode: 'webview', ...(this.model.feature ? { highlight: this.model.feature } : {}), ...(this.model.selected ? { selected: this.model.selected } : {}) });
    this.svg = this.canvas.querySelector('svg') ?? undefined;
    this.viewport = this.svg?.querySelector<SVGGElement>('g.viewport') ?? undefined;
    if (this.svg) {
      // The page sizes the drawing; the view transform places it.
      this.svg.removeAttribute('viewBox');
      this.svg.setAttribute('width', '100%');
      this.svg.setAttribute('height', '100%');
    }
    const servers = graph.nodes.length;
    const closed = layout.groups.filter((g) => g.collapsed).length;
    this.summary.textContent = `${servers} server${servers === 1 ? '' : 's'} · ${graph.edges.length} trust${graph.edges.length === 1 ? '' : 's'} · ${graph.missing.length} missing${closed ? ` · ${closed} kinds collapsed (click to expand)` : ''}`;
    this.minimap.draw(layout);
    if (!this.model.view) this.model.view = fitView(layout.width, layout.height, this.canvas.clientWidth, this.canvas.clientHeight);
    this.applyView();
    this.lastDrawMs = performance.now() - started;
  }

  highlightNode(id: string | undefined): void {
    if (this.model.selected === id) return;
    this.canvas.querySelectorAll('.selected').forEach((e) => e.classList.remove('selected'));
    this.model.selected = id;
    if (!id) return;
    const element = this.elementOf(id);
    element?.classList.add('selected');
    const box = this.model.layout && [...this.model.layout.nodes, ...this.model.layout.groups].find((b) => b.id === id);
    if (box && !this.isVisible(box)) this.setView(centreOn(this.currentView(), box.x + box.width / 2, box.y + box.height / 2, this.canvas.clientWidth, this.canvas.clientHeight));
  }

  fit(): void {
    const { layout } = this.model;
    if (!layout) return;
    this.setView(fitView(layout.width, layout.height, this.canvas.clientWidth, this.canvas.clientHeight));
  }

  private pickFeature(id: string | undefined): void {
    this.model.feature = id;
    this.save();
    this.draw();
  }

  private fillFeatures(graph: DiagramGraph): void {
    const options = [['', 'All (no highlight)'], ...graph.features.map((f) => [f.id, `${f.title}${f.trusts.some((t) => !t.present) ? ' (trust missing)' : ''}`])];
    const signature = options.map((o) => o.join('=')).join('|');
    if (this.select.dataset.signature !== signature) {
      this.select.replaceChildren(
        ...options.map(([value, text]) => {
          const o = document.createElement('option');
          o.value = value;
          o.textContent = text;
          return o;
        }),
      );
      this.select.dataset.signature = signature;
    }
    this.select.value = this.model.feature ?? '';
  }

  private elementOf(id: string): Element | null {
    return this.canvas.querySelector(`[data-id="${CSS.escape(id)}"]`);
  }

  private currentView(): View {
    return this.model.view ?? { x: 0, y: 0, scale: 1 };
  }

  private setView(v: View): void {
    this.model.view = v;
    this.applyView();
    this.save();
  }

  private applyView(): void {
    const v = this.currentView();
    this.viewport?.setAttribute('transform', transformOf(v));
    this.minimap.show(v, this.canvas.clientWidth, this.canvas.clientHeight);
  }

  private zoomBy(factor: number): void {
    this.setView(zoomAt(this.currentView(), factor, this.canvas.clientWidth / 2, this.canvas.clientHeight / 2));
  }

  private isVisible(b: { x: number; y: number; width: number; height: number }): boolean {
    const v = this.currentView();
    const x = b.x * v.scale + v.x;
    const y = b.y * v.scale + v.y;
    return x >= 0 && y >= 0 && x + b.width * v.scale <= this.canvas.clientWidth && y + b.height * v.scale <= this.canvas.clientHeight;
  }

  /** What a click or Enter on this element means. */
  private activate(target: Element): void {
    const item = target.closest('[data-id]');
    if (!item) return;
    const id = item.getAttribute('data-id')!;
    const classes = item.classList;
    if (classes.contains('group')) {
      // A closed group opens; an open group's frame closes it again when the farm is big enough to collapse.
      if (classes.contains('collapsed') || this.model.layout?.groups.some((g) => g.collapsed) || (this.model.graph?.nodes.length ?? 0) > 250) this.post({ type: 'toggleGroup', id });
      return;
    }
    if (classes.contains('server')) this.post({ type: 'reveal', kind: 'node', id });
    else if (classes.contains('missing')) this.post({ type: 'reveal', kind: 'missing', id });
    else if (classes.contains('edge')) this.post({ type: 'reveal', kind: 'edge', id });
  }

  private wire(): void {
    const c = this.canvas;
    c.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const v = this.currentView();
      this.drag = { x: e.clientX, y: e.clientY, vx: v.x, vy: v.y, moved: false };
    });
    c.addEventListener('pointermove', (e) => {
      const d = this.drag;
      if (!d) return;
      const dx = e.clientX - d.x;
      const dy = e.clientY - d.y;
      if (!d.moved && Math.hypot(dx, dy) < 4) return;
      if (!d.moved) c.setPointerCapture?.(e.pointerId);
      d.moved = true;
      this.model.view = { ...this.currentView(), x: d.vx + dx, y: d.vy + dy };
      this.applyView();
    });
    c.addEventListener('pointerup', (e) => {
      const d = this.drag;
      this.drag = undefined;
      if (d?.moved) {
        c.releasePointerCapture?.(e.pointerId);
        this.save();
      } else if (e.target instanceof Element) this.activate(e.target);
    });
    c.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = c.getBoundingClientRect();
        this.setView(zoomAt(this.currentView(), Math.exp(-e.deltaY / 500), e.clientX - r.left, e.clientY - r.top));
      },
      { passive: false },
    );
    c.addEventListener('keydown', (e) => {
      const v = this.currentView();
      const step = 48;
      const keys: Record<string, () => void> = {
        ArrowLeft: () => this.setView({ ...v, x: v.x + step }),
        ArrowRight: () => this.setView({ ...v, x: v.x - step }),
        ArrowUp: () => this.setView({ ...v, y: v.y + step }),
        ArrowDown: () => this.setView({ ...v, y: v.y - step }),
        '+': () => this.zoomBy(1.25),
        '=': () => this.zoomBy(1.25),
        '-': () => this.zoomBy(1 / 1.25),
        '0': () => this.fit(),
        Enter: () => e.target instanceof Element && e.target !== c && this.activate(e.target),
        ' ': () => e.target instanceof Element && e.target !== c && this.activate(e.target),
      };
      const action = keys[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    });
    // A server reached with Tab is brought into view.
    c.addEventListener('focusin', (e) => {
      const item = e.target instanceof Element ? e.target.closest('[data-id]') : null;
      const box = item && this.model.layout && [...this.model.layout.nodes, ...this.model.layout.groups].find((b) => b.id === item.getAttribute('data-id'));
      if (box && !this.isVisible(box)) this.setView(centreOn(this.currentView(), box.x + box.width / 2, box.y + box.height / 2, c.clientWidth, c.clientHeight));
    });
    new ResizeObserver(() => this.applyView()).observe(c);
  }
}
