// The Factline VS Code extension: finds and starts `factline serve`, passes settings, adds commands.
//
// Thin on purpose (like harper's extension.ts): every check lives in the server, so VS Code,
// Neovim and the command line give the same answers. This file only finds the binary, starts
// the language client for Markdown and plain text, answers workspace/configuration with the
// "factline" section, and wires three commands.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  Hover as LspHover,
  HoverRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

const SECTION = 'factline';
const EXE = process.platform === 'win32' ? 'factline.exe' : 'factline';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let serverBinary: string | undefined;
let checkResults: vscode.DiagnosticCollection | undefined;

// The settings the server reads, in the shape it expects (README: "Settings (LSP, section
// factline)"). Built explicitly so that serverPath and trace never reach the server and
// defaults are always present.
export interface ServerSettings {
  factBases: string[];
  debounceMs: number;
  unverifiedQuotes: boolean;
  unverifiedSeverity: 'information' | 'hint';
  severity: Record<string, string>;
}

function serverSettings(scope?: vscode.ConfigurationScope): ServerSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    factBases: c.get<string[]>('factBases', []),
    debounceMs: c.get<number>('debounceMs', 30),
    unverifiedQuotes: c.get<boolean>('unverifiedQuotes', true),
    unverifiedSeverity: c.get<'information' | 'hint'>('unverifiedSeverity', 'information'),
    severity: { ...c.get<Record<string, string>>('severity', {}) },
  };
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function expandPath(p: string): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) out = out.replace(/\$\{workspaceFolder\}/g, folder);
  if (!path.isAbsolute(out) && folder) out = path.join(folder, out);
  return out;
}

type Found = { path: string; how: string } | { error: string };

// factline.serverPath, else the binary bundled at server/factline, else `factline` on PATH.
export function findServer(extensionPath: string): Found {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('serverPath', '');
  if (configured.trim() !== '') {
    const p = expandPath(configured);
    if (isExecutable(p)) return { path: p, how: 'factline.serverPath' };
    return {
      error:
        `Factline: the setting "factline.serverPath" is "${configured}", but ${p} is not an ` +
        'executable file. Point it at the factline binary (make build in the factline repository ' +
        'gives build/factline), or clear it to use the bundled server or `factline` on PATH.',
    };
  }
  const bundled = path.join(extensionPath, 'server', EXE);
  if (isExecutable(bundled)) return { path: bundled, how: 'bundled with the extension' };
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, EXE);
    if (isExecutable(candidate)) return { path: candidate, how: 'found on PATH' };
  }
  return {
    error:
      'Factline: no factline language server found: "factline.serverPath" is not set, this ' +
      'extension has no bundled server, and `factline` is not on PATH. Build it (`make build` in ' +
      'the factline repository gives build/factline), then set "factline.serverPath" to its full ' +
      'path or put it on PATH.',
  };
}

async function reportMissing(error: string): Promise<void> {
  output?.appendLine(error);
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
    synchronize: {
      // Sends workspace/didChangeConfiguration when a factline.* setting changes; the server
      // then pulls the section again.
      // (Fact base files are watched by the server itself, through a dynamic registration of
      // workspace/didChangeWatchedFiles.)
      configurationSection: SECTION,
    },
    middleware: {
      workspace: {
        // Answer workspace/configuration for "factline" with exactly the settings object.
        configuration: async (params, token, next) => {
          const defaults = await next(params, token);
          if (!Array.isArray(defaults)) return defaults;
          return params.items.map((item, i) => {
            if (item.section !== SECTION) return defaults[i];
            const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
            return serverSettings(scope);
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
  client = createClient(found.path);
  try {
    await client.start();
  } catch (e) {
    const message = `Factline: ${found.path} serve did not start: ${String(e)}`;
    output?.appendLine(message);
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

// ---- Check Whole Workspace ------------------------------------------------------------------
// The server checks open documents only, and has no workspace command; `factline check` is the
// same analysis over folders. Its SARIF report is standard (SARIF 2.1.0, columns in UTF-16 code
// units, as VS Code counts), so it maps to diagnostics without any factline-specific parsing.

interface SarifResult {
  ruleId?: string;
  level?: 'error' | 'warning' | 'note' | 'none';
  message?: { text?: string };
  locations?: {
    physicalLocation?: {
      artifactLocation?: { uri?: string; uriBaseId?: string };
      region?: { startLine?: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
  }[];
}
interface SarifLog {
  runs?: { results?: SarifResult[]; originalUriBaseIds?: Record<string, { uri?: string }> }[];
}

const LEVELS: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  note: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
  none: vscode.DiagnosticSeverity.Hint,
};

// `factline check` has no flags for the editor-only settings; apply them here the way the server
// does, so the Problems panel matches what the live server would say.
function applySettings(rule: string, level: string, settings: ServerSettings): vscode.DiagnosticSeverity | undefined {
  if (rule === 'quote-unverified') {
    if (!settings.unverifiedQuotes) return undefined;
    level = settings.unverifiedSeverity;
  }
  const override = settings.severity[rule];
  if (override === 'off') return undefined;
  return LEVELS[override ?? level] ?? LEVELS[level] ?? vscode.DiagnosticSeverity.Warning;
}

export function sarifToDiagnostics(log: SarifLog, folder: vscode.Uri, settings: ServerSettings): Map<string, vscode.Diagnostic[]> {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const run of log.runs ?? []) {
    for (const r of run.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      const uriText = loc?.artifactLocation?.uri;
      if (!uriText) continue;
      const base = loc?.artifactLocation?.uriBaseId
        ? run.originalUriBaseIds?.[loc.artifactLocation.uriBaseId]?.uri
        : undefined;
      let uri: vscode.Uri;
      if (/^[a-z][a-z0-9+.-]*:/i.test(uriText)) uri = vscode.Uri.parse(uriText);
      else if (base) uri = vscode.Uri.joinPath(vscode.Uri.parse(base), decodeURIComponent(uriText));
      else if (path.isAbsolute(uriText)) uri = vscode.Uri.file(uriText);
      else uri = vscode.Uri.joinPath(folder, decodeURIComponent(uriText));
      const rule = r.ruleId ?? 'factline';
      const severity = applySettings(rule, r.level ?? 'warning', settings);
      if (severity === undefined) continue;
      const reg = loc?.region ?? {};
      const startLine = (reg.startLine ?? 1) - 1;
      const startCol = (reg.startColumn ?? 1) - 1;
      const endLine = (reg.endLine ?? reg.startLine ?? 1) - 1;
      const endCol = reg.endColumn !== undefined ? reg.endColumn - 1 : startCol;
      const d = new vscode.Diagnostic(
        new vscode.Range(startLine, startCol, endLine, endCol),
        r.message?.text ?? rule,
        severity,
      );
      d.source = 'factline check';
      d.code = rule;
      const key = uri.toString();
      byFile.set(key, [...(byFile.get(key) ?? []), d]);
    }
  }
  return byFile;
}

function runCheck(binary: string, args: string[], cwd: string, token: vscode.CancellationToken): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = cp.execFile(binary, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      // Exit 1 means "findings at or above --fail-on"; with --fail-on none it stays 0.
      const code = err && typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 0;
      if (err && code !== 1) reject(new Error(stderr.trim() || err.message));
      else resolve(stdout);
    });
    token.onCancellationRequested(() => child.kill());
  });
}

async function checkWorkspace(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Factline: open a folder to check a whole workspace.');
    return;
  }
  let exe = serverBinary;
  if (!exe) {
    const found = findServer(extensionPath);
    if ('error' in found) return reportMissing(found.error);
    exe = found.path;
  }
  const binary = exe;
  checkResults?.clear();
  let files = 0;
  let findings = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Factline: checking the workspace', cancellable: true },
    async (_progress, token) => {
      for (const folder of folders) {
        const settings = serverSettings(folder.uri);
        const args = ['check', '--format', 'sarif', '--fail-on', 'none', '--no-color'];
        for (const base of settings.factBases) args.push('--facts', path.resolve(folder.uri.fsPath, base));
        args.push(folder.uri.fsPath);
        output?.appendLine(`$ ${binary} ${args.join(' ')}`);
        try {
          const report = await runCheck(binary, args, folder.uri.fsPath, token);
          const byFile = sarifToDiagnostics(JSON.parse(report) as SarifLog, folder.uri, settings);
          for (const [uri, diags] of byFile) {
            const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
            if (open) continue; // the live server already reports open drafts
            checkResults?.set(vscode.Uri.parse(uri), diags);
            files += 1;
            findings += diags.length;
          }
        } catch (e) {
          const message = `Factline: checking ${folder.name} failed: ${e instanceof Error ? e.message : String(e)}`;
          output?.appendLine(message);
          void vscode.window.showErrorMessage(message);
        }
      }
    },
  );
  output?.appendLine(`Check Whole Workspace: ${findings} findings in ${files} closed files`);
  void vscode.window.showInformationMessage(
    `Factline: ${findings} finding${findings === 1 ? '' : 's'} in ${files} closed file${files === 1 ? '' : 's'} (open drafts are checked live).`,
  );
  if (findings > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

// ---- Open Fact Base Entry ------------------------------------------------------------------
// The server has no request for "where is this record"; what it gives for a claim is the hover
// (the record, in Markdown) and, on diagnostics, `data` with the fact ids the finding rests on.
// With an id, the entry is looked up in the workspace's fact base files, in the order the server
// loads them (factBases last wins, then .factline/*.json by name); the bundled base lives inside
// the binary, so for its entries the hover's record is shown instead, read-only, beside the draft.

const RECORD_SCHEME = 'factline-record';
const records = new Map<string, string>();
const recordProvider: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => records.get(uri.toString()) ?? '',
};

function markdownOf(hover: LspHover | null): string {
  const c = hover?.contents;
  if (!c) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n\n');
  return c.value;
}

// Fact ids in a diagnostic's data: string values under keys like "id", "factId", "fact_id".
export function idsInData(data: unknown, out: string[] = []): string[] {
  if (Array.isArray(data)) {
    for (const x of data) idsInData(x, out);
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      if (typeof v === 'string' && /^(id|.*Id|.*_id)$/.test(k) && !out.includes(v)) out.push(v);
      else idsInData(v, out);
    }
  }
  return out;
}

// Ids the hover names in code spans (`q-never-ending-battle`).
export function idsInMarkdown(markdown: string, out: string[] = []): string[] {
  for (const m of markdown.matchAll(/`([a-z0-9][a-z0-9._-]*[a-z0-9])`/gi)) {
    if (m[1] && /[a-z]/i.test(m[1]) && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function factBaseFiles(): Promise<vscode.Uri[]> {
  const files: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const base of [...serverSettings(folder.uri).factBases].reverse()) {
      files.push(vscode.Uri.file(path.resolve(folder.uri.fsPath, base)));
    }
  }
  const dotted = await vscode.workspace.findFiles('**/.factline/*.json', '**/node_modules/**', 500);
  dotted.sort((a, b) => b.fsPath.localeCompare(a.fsPath));
  const named = await vscode.workspace.findFiles('**/*.facts.json', '**/node_modules/**', 500);
  return [...files, ...dotted, ...named];
}

async function findEntry(ids: string[]): Promise<vscode.Location | undefined> {
  const files = await factBaseFiles();
  for (const id of ids) {
    const pattern = new RegExp(`"id"\\s*:\\s*"${escapeRegExp(id)}"`);
    for (const file of files) {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        continue;
      }
      const m = pattern.exec(text);
      if (!m) continue;
      const before = text.slice(0, m.index);
      const line = before.split('\n').length - 1;
      const character = m.index - (before.lastIndexOf('\n') + 1);
      return new vscode.Location(file, new vscode.Position(line, character));
    }
  }
  return undefined;
}

async function openFactEntry(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  if (!client || client.state !== State.Running) {
    void vscode.window.showErrorMessage('Factline: the server is not running (see the Factline output).');
    return;
  }
  const doc = editor.document;
  const pos = editor.selection.active;
  const ids: string[] = [];
  for (const d of client.diagnostics?.get(doc.uri) ?? []) {
    if (d.range.contains(pos)) idsInData((d as { data?: unknown }).data, ids);
  }
  const hover = await client.sendRequest(
    HoverRequest.type,
    client.code2ProtocolConverter.asTextDocumentPositionParams(doc, pos),
  );
  const record = markdownOf(hover);
  idsInMarkdown(record, ids);
  if (ids.length === 0 && record === '') {
    void vscode.window.showInformationMessage('Factline: no checked quote or figure under the cursor.');
    return;
  }
  const entry = ids.length > 0 ? await findEntry(ids) : undefined;
  if (entry) {
    const target = await vscode.window.showTextDocument(entry.uri, { viewColumn: vscode.ViewColumn.Beside });
    target.selection = new vscode.Selection(entry.range.start, entry.range.start);
    target.revealRange(entry.range, vscode.TextEditorRevealType.InCenter);
    return;
  }
  const name = (ids[0] ?? `line-${pos.line + 1}`).replace(/[^a-z0-9._-]/gi, '_');
  const uri = vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${name}.md` });
  records.set(uri.toString(), `${record}\n\n---\n*The record as the server shows it; no fact base file in this workspace holds this entry (it comes from the base bundled in the factline binary)${ids.length ? ` (id ${ids.map((i) => `\`${i}\``).join(', ')})` : ''}.*\n`);
  const shown = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

let extensionPath = '';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('Factline');
  checkResults = vscode.languages.createDiagnosticCollection('factline-check');
  context.subscriptions.push(output, checkResults);
  context.subscriptions.push(
    vscode.commands.registerCommand('factline.restartServer', () => restartServer(context)),
    vscode.commands.registerCommand('factline.checkWorkspace', () => checkWorkspace()),
    vscode.commands.registerCommand('factline.openFactEntry', () => openFactEntry()),
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, recordProvider),
    // Once a draft is open, the live server's diagnostics replace the batch check's.
    vscode.workspace.onDidOpenTextDocument((doc) => checkResults?.delete(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('factline.serverPath')) void restartServer(context);
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
