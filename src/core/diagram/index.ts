// The topology diagram: the graph read from the model, its layout, and the
// SVG both the webview and the CLI draw.
export { buildFarmGraph, serverKinds } from './farm-graph';
export type { FarmGraph, GraphNode, GraphEdge, GraphFeature, MissingTrust, FeatureTrust, ProblemCounts, SourceSpan, GraphOptions } from './farm-graph';
export { layoutFarm, groupId, defaultCollapseAbove, nodeWidth, nodeHeight } from './layout';
export type { DiagramLayout, LaidNode, LaidGroup, LaidEdge, LayoutOptions, Box } from './layout';
export { renderSvg, escapeXml, featureHighlight, kindTitles } from './render-svg';
export type { RenderOptions } from './render-svg';
