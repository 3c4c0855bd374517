// Pan and zoom of the diagram: one transform on the SVG's viewport group,
// set as an attribute (the CSP allows no inline style), with fit-to-window.
export interface View {
  x: number;
  y: number;
  scale: number;
}

export const minScale = 0.05;
export const maxScale = 4;

export function clampScale(s: number): number {
  return Math.min(maxScale, Math.max(minScale, s));
}

/** The view that shows a `width` × `height` drawing whole in a `cw` × `ch` window, never above natural size. */
export function fitView(width: number, height: number, cw: number, ch: number, margin = 16): View {
  if (width <= 0 || height <= 0 || cw <= 0 || ch <= 0) return { x: 0, y: 0, scale: 1 };
  const scale = clampScale(Math.min((cw - 2 * margin) / width, (ch - 2 * margin) / height, 1));
  return { x: (cw - width * scale) / 2, y: (ch - height * scale) / 2, scale };
}

/** Zoom by `factor` keeping the drawing's point under (px, py) in place. */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { scale, x: px - (px - v.x) * k, y: py - (py - v.y) * k };
}

/** The view that puts the drawing's point (dx, dy) at the window's centre. */
export function centreOn(v: View, dx: number, dy: number, cw: number, ch: number): View {
  return { scale: v.scale, x: cw / 2 - dx * v.scale, y: ch / 2 - dy * v.scale };
}

export function transformOf(v: View): string {
  return `translate(${round(v.x)} ${round(v.y)}) scale(${Math.round(v.scale * 10000) / 10000})`;
}

const round = (n: number) => Math.round(n * 10) / 10;
