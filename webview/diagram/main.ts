// The diagram panel's entry: restores its saved state, draws what the
// extension sends (each message validated first), and keeps the state a
// reload needs (the document, open groups, feature, pan and zoom, layout).
import { registerComponents } from '../components';
import { vscodeApi } from '../common/vscode-api';
import { readDiagramToView, readDiagramViewState, type DiagramToHost, type DiagramToView, type DiagramViewState } from './messages';
import { rasterise } from './rasterise';
import { DiagramView, type DiagramModel } from './view';
import './diagram.css';

const vscode = vscodeApi();
registerComponents();

const saved = readDiagramViewState(vscode.getState());
let uri = saved.uri;
let expanded = saved.expanded;
const model: DiagramModel = { ...(saved.feature ? { feature: saved.feature } : {}), ...(saved.view ? { view: saved.view } : {}), ...(saved.layout ? { layout: saved.layout } : {}) };

const post = (m: DiagramToHost) => vscode.postMessage(m);
const save = () => {
  const state: DiagramViewState = {
    ...(uri ? { uri } : {}),
    expanded,
    ...(model.feature ? { feature: model.feature } : {}),
    ...(model.view ? { view: model.view } : {}),
    ...(model.layout ? { layout: model.layout } : {}),
  };
  vscode.setState(state);
};

const root = document.getElementById('root')!;
const view = new DiagramView(root, model, post, save);
(window as unknown as { __diagramView: DiagramView }).__diagramView = view;

function apply(m: DiagramToView): void {
  switch (m.type) {
    case 'diagram':
      if (m.uri !== uri) model.view = undefined;
      uri = m.uri;
      model.graph = m.graph;
      model.layout = m.layout;
      expanded = m.expanded;
      document.title = m.title;
      view.draw();
      save();
      break;
    case 'cursor':
      view.highlightNode(m.id);
      break;
    case 'notice':
      view.showNotice(m.text);
      break;
    case 'rasterise':
      rasterise(m.svg, m.width, m.height, m.scale).then(
        (data) => post({ type: 'png', id: m.id, data }),
        (error: unknown) => post({ type: 'rasteriseFailed', id: m.id, reason: error instanceof Error ? error.message : String(error) }),
      );
      break;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = readDiagramToView(event.data);
  if (m) apply(m);
  else console.warn('diagram panel: dropped an invalid message from the extension');
});

post({ type: 'ready' });
