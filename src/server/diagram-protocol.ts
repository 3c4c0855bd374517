// The office-farm/diagram request's shape, shared by the server that
// answers it (diagram-request.ts), the extension's diagram panel and its
// webview. Types only, importing nothing, so the extension and the browser
// bundle may use it without reaching into the server. The graph and layout
// are core's (src/core/diagram) as plain data, with LSP ranges added where
// the editor needs them; diagram-request.ts checks at compile time that
// core's types still fit these.

export const DIAGRAM_REQUEST = 'office-farm/diagram';

export interface DiagramRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export type DiagramServerKind = 'exchange' | 'sharepoint' | 'lync' | 'office-web-apps' | 'project';

export interface DiagramBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramLayoutShape {
  key: string;
  width: number;
  height: number;
  nodes: Array<DiagramBox & { id: string }>;
  groups: Array<DiagramBox & { id: string; kind: DiagramServerKind; count: number; collapsed: boolean }>;
}

export interface DiagramParams {
  uri: string;
  /** Groups the user opened (`group:<kind>`), when the farm is big enough to collapse. */
  expanded?: string[];
  /** The layout the client drew last: its positions come back as they were while nothing drawn changed. */
  previous?: DiagramLayoutShape;
  /** Also answer the diagram as a standalone SVG file (light palette): for export. */
  svg?: boolean;
}

export interface DiagramProblemCounts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export interface DiagramNode {
  id: string;
  kind: DiagramServerKind;
  name: string;
  version: number;
  host?: string;
  problems: DiagramProblemCounts;
  probe?: string;
  declared: { start: number; end: number };
  block: { start: number; end: number };
  /** The declaration's name: where a click reveals. */
  range: DiagramRange;
  /** The whole block: where the cursor highlights the node. */
  blockRange: DiagramRange;
}

export interface DiagramEdge {
  id: string;
  from: string;
  to: string;
  twoWay: boolean;
  declared: { start: number; end: number };
  /** The trust's element in the trusting server's `trusts` list. */
  range: DiagramRange;
}

export interface DiagramMissingTrust {
  id: string;
  from: string;
  to: string;
  neededBy: string[];
  /** The first feature that needs it. */
  range?: DiagramRange;
}

export interface DiagramFeature {
  id: string;
  featureId: string;
  title: string;
  participants: string[];
  trusts: Array<{ from: string; to: string; present: boolean }>;
  problems: DiagramProblemCounts;
  declared: { start: number; end: number };
  range: DiagramRange;
}

export interface DiagramGraph {
  realm?: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  missing: DiagramMissingTrust[];
  features: DiagramFeature[];
}

export interface DiagramLayout extends DiagramLayoutShape {
  edges: Array<{ id: string; from: string; to: string; twoWay: boolean; missing: boolean; count: number }>;
}

export interface DiagramResult {
  uri: string;
  version: number;
  graph: DiagramGraph;
  layout: DiagramLayout;
  /** When asked for (`svg: true`). */
  svg?: string;
}
