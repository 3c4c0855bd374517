// dist/diagram-panels.js: the topology diagram's panel host, in a bundle of
// its own that the extension requires the first time a diagram opens or is
// restored (as dist/office-panels.js for the inbox): activation stays small.
export { openDiagramPanels, restoreDiagramPanel, showDiagramPanel, DIAGRAM_VIEW_TYPE } from './panels/diagram-panel';
export type { DiagramPanel, DiagramPanelDeps, DiagramPanelTrace } from './panels/diagram-panel';
