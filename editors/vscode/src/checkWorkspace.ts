// Factline: Check Whole Workspace. The server checks open documents only and has no workspace
// command; `factline check` is the same analysis over folders. Its SARIF report is standard
// (SARIF 2.1.0, columns in UTF-16 code units, as VS Code counts), so it maps to diagnostics
// without factline-specific parsing. Drafts that are open stay with the live server.
import * as cp from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';

import { ServerSettings, serverSettings } from './settings';

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

// Runs the check over every workspace folder into `results`; `binary` is the server executable.
export async function checkWorkspace(
  binary: string,
  results: vscode.DiagnosticCollection,
  output: vscode.OutputChannel,
): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Factline: open a folder to check a whole workspace.');
    return;
  }
  results.clear();
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
        output.appendLine(`$ ${binary} ${args.join(' ')}`);
        try {
          const report = await runCheck(binary, args, folder.uri.fsPath, token);
          const byFile = sarifToDiagnostics(JSON.parse(report) as SarifLog, folder.uri, settings);
          for (const [uri, diags] of byFile) {
            const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
            if (open) continue; // the live server already reports open drafts
            results.set(vscode.Uri.parse(uri), diags);
            files += 1;
            findings += diags.length;
          }
        } catch (e) {
          const message = `Factline: checking ${folder.name} failed: ${e instanceof Error ? e.message : String(e)}`;
          output.appendLine(message);
          void vscode.window.showErrorMessage(message);
        }
      }
    },
  );
  output.appendLine(`Check Whole Workspace: ${findings} findings in ${files} closed files`);
  void vscode.window.showInformationMessage(
    `Factline: ${findings} finding${findings === 1 ? '' : 's'} in ${files} closed file${files === 1 ? '' : 's'} (open drafts are checked live).`,
  );
  if (findings > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
