// Wires every feature to one connection. The transport is the caller's:
// dist/server.js takes it from argv (--node-ipc from VS Code, --stdio from
// any other client); `office-farm lsp --stdio` passes stdio explicitly.
import {
  CodeLensRefreshRequest,
  Connection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { codeActionKinds, codeActions } from './code-actions';
import { codeLenses } from './code-lens';
import { completion } from './completion';
import { definition } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentCache } from './document-cache';
import { foldingRanges } from './folding';
import { formatDocument, formatRange } from './formatting';
import { documentHighlight } from './highlight';
import { hover } from './hover';
import { inlayHints } from './inlay-hints';
import { references } from './references';
import { networkNotification, probeCommand, Probes, type NetworkSettings } from './probes';
import { probeHover } from './probe-hover';
import { prepareRename, rename } from './rename';
import { RuleConfigs } from './rule-config';
import { ChangeTracker } from './change-tracker';
import { keepYoungGenerationSmall } from './gc-tuning';
import { selectionRanges } from './selection-ranges';
import { semanticTokens, semanticTokensLegend } from './semantic-tokens';
import { documentSymbols } from './symbols';
import { topology, topologyRequest } from './topology-request';
import { diagram, diagramRequest } from './diagram-request';
import type { DiagramParams } from './diagram-protocol';
import type { TopologyParams } from './topology-protocol';
import { driftOf, driftRequest, scripts, scriptsRequest } from './scripts-request';
import type { DriftParams, ScriptsParams } from './scripts-protocol';
import { workspaceSymbols } from './workspace-symbols';
import { ServerLog } from './server-log';
import { toolVersion } from '../probe/user-agent';

export const serverName = 'Office Farm Language Server';

export function startServer(connection: Connection): void {
  keepYoungGenerationSmall();
  const log = new ServerLog(connection.console);
  const version = toolVersion();
  const changes = new ChangeTracker();
  const documents = changes.documents;
  const configs = new RuleConfigs((problems) => {
    log.warn(`the rule configuration is not used as written: ${problems.join('; ')}`);
    void connection.window.showWarningMessage(`Office Farm: the rule configuration is not used as written: ${problems.join('; ')}.`);
  });
  const cache = new DocumentCache(changes, configs);
  let watchDynamically = false;
  let refreshLenses = false;
  let progressSupport = false;
  const lensesChanged = (): void => {
    if (refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };
  const probes: Probes = new Probes(
    connection,
    cache,
    (uri) => {
      publisher.schedule(uri);
      lensesChanged();
    },
    log,
  );
  const publisher = new DiagnosticsPublisher(connection, cache, undefined, (uri, analysis) => probes.diagnostics(uri, analysis));

  connection.onInitialize((params): InitializeResult => {
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    refreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    progressSupport = params.capabilities.window?.workDoneProgress === true;
    const client = params.clientInfo ? ` for ${params.clientInfo.name}${params.clientInfo.version ? ` ${params.clientInfo.version}` : ''}` : '';
    log.info(`${serverName} ${version} started${client} (Node ${process.versions.node}, pid ${process.pid})`);
    probes.configure((params.initializationOptions as { network?: NetworkSettings } | undefined)?.network);
    const delay = (params.initializationOptions as { diagnosticsDelayMs?: unknown } | undefined)?.diagnosticsDelayMs;
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 && delay <= 2000) publisher.delayMs = delay;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['[', ','], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'Office Farm' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: true },
        codeActionProvider: { codeActionKinds },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [probeCommand] },
      },
      serverInfo: { name: serverName, version },
    };
  });

  connection.onInitialized(() => {
    // Clients that cannot register watchers send .farmrc.json changes only if configured to.
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.farmrc.json' }] });
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => c.uri.endsWith('.farmrc.json'))) return;
    configs.reload();
    publisher.scheduleAll();
  });

  documents.onDidChangeContent((e) => {
    probes.textChanged(e.document.uri);
    publisher.schedule(e.document.uri);
  });
  connection.onNotification(networkNotification, (settings: NetworkSettings) => {
    probes.configure(settings);
    lensesChanged();
  });

  documents.onDidClose((e) => {
    cache.forget(e.document.uri);
    probes.forget(e.document.uri);
    publisher.clear(e.document.uri);
  });

  connection.onCompletion((p) => completion(cache, p));
  connection.onHover((p) => hover(cache, p, (uri, declaration) => probeHover(probes, cache, uri, declaration)));
  connection.onDefinition((p) => definition(cache, p));
  connection.onReferences((p) => references(cache, p));
  connection.onDocumentHighlight((p) => documentHighlight(cache, p));
  connection.onPrepareRename((p) => prepareRename(cache, p));
  connection.onRenameRequest((p) => rename(cache, p));
  connection.onDocumentSymbol((p) => documentSymbols(cache, p));
  connection.onWorkspaceSymbol((p) => workspaceSymbols(cache, p));
  connection.onFoldingRanges((p) => foldingRanges(cache, p));
  connection.onSelectionRanges((p) => selectionRanges(cache, p));
  connection.onDocumentFormatting((p) => formatDocument(connection, cache, p));
  connection.onDocumentRangeFormatting((p) => formatRange(connection, cache, p));
  connection.languages.semanticTokens.on((p) => semanticTokens(cache, p));
  connection.onCodeAction((p) => codeActions(cache, p));
  connection.languages.inlayHint.on((p) => inlayHints(cache, p));
  connection.onCodeLens((p) => codeLenses(cache, probes, p));
  connection.onRequest(topologyRequest, (p: TopologyParams) => topology(cache, probes, p));
  connection.onRequest(scriptsRequest, (p: ScriptsParams) => scripts(cache, p));
  connection.onRequest(driftRequest, (p: DriftParams) => driftOf(cache, p));
  connection.onRequest(diagramRequest, (p: DiagramParams) => diagram(cache, probes, p));
  connection.onExecuteCommand(async (params, token) => {
    if (params.command !== probeCommand) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}.`);
    const [uri, server] = (params.arguments ?? []) as [unknown, unknown];
    if (typeof uri !== 'string' || (server !== undefined && typeof server !== 'string')) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${probeCommand} takes the document's URI and, optionally, a server name.`);
    }
    try {
      return await probes.run(uri, server, token, progressSupport);
    } catch (error) {
      log.error(`${probeCommand} ${server ?? 'all'} failed`, error);
      throw new ResponseError(LSPErrorCodes.RequestFailed, error instanceof Error ? error.message : String(error));
    }
  });
  connection.onShutdown(() => publisher.dispose());

  documents.listen(connection);
  connection.listen();
}
