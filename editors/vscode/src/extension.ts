// The Factline VS Code extension: finds and starts `factline serve`, passes settings, adds commands.
//
// Thin on purpose (like harper's extension.ts): every check lives in the server, so VS Code,
// Neovim and the command line give the same answers. This file starts the language client for
// Markdown and plain text, answers workspace/configuration with the "factline" section, wires the
// commands (checkWorkspace.ts, factEntry.ts, reviewSheet.ts; the server lookup is in settings.ts)
// and keeps the status bar item (statusBar.ts) up to date.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State } from 'vscode-languageclient/node';

import { checkWorkspace } from './checkWorkspace';
import { executeCommand } from './review';
import { openFactEntry, RECORD_SCHEME, recordProvider } from './factEntry';
import { openReviewSheet } from './reviewSheet';
import { explicitServerSettings, findServer, SECTION, userFactBases } from './settings';
import { FactlineStatus } from './statusBar';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let serverBinary: string | undefined;
let checkResults: vscode.DiagnosticCollection | undefined;
let status: FactlineStatus | undefined;

async function reportMissing(error: string): Promise<void> {
  output?.appendLine(error);
  status?.setState('stopped', error);
  const open = 'Set factline.serverPath';
  const choice = await vscode.window.showErrorMessage(error, open);
  if (choice === open) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'factline.serverPath');
  }
}

function createClient(serverPath: string): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { command: serverPath, args: ['serve'] },
    debug: { command: serverPath, args: ['serve', '--log-level', 'debug'] },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    outputChannel: output,
    // The user's own fact bases, which may lie outside the workspace; a change restarts the server.
    initializationOptions: { [SECTION]: { factBases: userFactBases() } },
    synchronize: {
      // Sends workspace/didChangeConfiguration when a factline.* setting changes; the server
      // then pulls the section again.
      // (Fact base files are watched by the server itself, through a dynamic registration of
      // workspace/didChangeWatchedFiles.)
      configurationSection: SECTION,
    },
    middleware: {
      // "Mark as reviewed…" asks here, with free text, and saves the decisions file (review.ts).
      executeCommand,
      workspace: {
        // Answer workspace/configuration for "factline" with the settings the user set (the
        // workspace's .factline/config.json and the server's defaults give the rest).
        configuration: async (params, token, next) => {
          const defaults = await next(params, token);
          if (!Array.isArray(defaults)) return defaults;
          return params.items.map((item, i) => {
            if (item.section !== SECTION) return defaults[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return explicitServerSettings(scope);
          });
        },
      },
    },
  };
  return new LanguageClient('factline', 'Factline', serverOptions, clientOptions);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const found = findServer(context.extensionPath);
  if ('error' in found) {
    await reportMissing(found.error);
    return;
  }
  serverBinary = found.path;
  output?.appendLine(`Starting ${found.path} serve (${found.how})`);
  const started = createClient(found.path);
  client = started;
  const running = `Checker: ${found.path} (${found.how})`;
  status?.setState('starting', running);
  started.onDidChangeState((e) => {
    if (client !== started) return; // a client being replaced by a restart
    if (e.newState === State.Running) status?.setState('running', running);
    else if (e.newState === State.Starting) status?.setState('starting', running);
    else status?.setState('stopped', `${running}; see the Factline output for why it stopped.`);
  });
  try {
    await started.start();
  } catch (e) {
    const message = `Factline: ${found.path} serve did not start: ${String(e)}`;
    output?.appendLine(message);
    status?.setState('stopped', message);
    void vscode.window.showErrorMessage(message);
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) await c.stop();
}

async function restartServer(context: vscode.ExtensionContext): Promise<void> {
  await stopClient();
  await startClient(context);
}

// The server binary: the running client's, else looked up now.
async function serverBinaryOrReport(context: vscode.ExtensionContext): Promise<string | undefined> {
  if (serverBinary) return serverBinary;
  const found = findServer(context.extensionPath);
  if ('error' in found) {
    await reportMissing(found.error);
    return undefined;
  }
  return found.path;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Factline');
  checkResults = vscode.languages.createDiagnosticCollection('factline-check');
  status = new FactlineStatus();
  context.subscriptions.push(output, checkResults, status);
  context.subscriptions.push(
    vscode.commands.registerCommand('factline.restartServer', () => restartServer(context)),
    vscode.commands.registerCommand('factline.checkWorkspace', async () => {
      const binary = await serverBinaryOrReport(context);
      if (binary && checkResults && output) {
        await checkWorkspace(binary, checkResults, output, path.join(context.extensionPath, 'docs', 'rules'));
      }
    }),
    vscode.commands.registerCommand('factline.openFactEntry', () => openFactEntry(client)),
    vscode.commands.registerCommand('factline.openReviewSheet', async () => {
      const binary = await serverBinaryOrReport(context);
      if (binary && output) await openReviewSheet(binary, context.globalStorageUri, output);
    }),
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, recordProvider),
    // Once a draft is open, the live server's diagnostics replace the batch check's.
    vscode.workspace.onDidOpenTextDocument((doc) => checkResults?.delete(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('factline.serverPath')) void restartServer(context);
      else if (e.affectsConfiguration('factline.factBases') && client?.initializeResult) {
        const sent = (client.clientOptions.initializationOptions as Record<string, { factBases: string[] }>)[SECTION];
        if (JSON.stringify(sent?.factBases) !== JSON.stringify(userFactBases())) void restartServer(context);
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
