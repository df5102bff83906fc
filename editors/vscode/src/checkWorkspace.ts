// Factline: Check Whole Workspace. The server checks open documents only and has no workspace
// command, so this runs `factline check --format json` (the same analyzers) over the workspace's
// drafts and puts its findings in the Problems panel, with a line each in the Factline output
// channel. Open drafts stay with the live server.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

import { parseJsonReport, utf16Column } from './checkReport';
import { ServerSettings, serverSettings } from './settings';

const DRAFTS = '**/*.{md,markdown,txt}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/build/**,**/build-*/**}';
const FILES_PER_RUN = 200; // keeps each command line well under the system's limit

const LEVELS: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

// `factline check` has no flags for the editor-only settings; apply them here as the server's
// applySettings does, so the Problems panel matches what the live server would report.
export function severityFor(
  rule: string,
  level: string,
  settings: ServerSettings,
): vscode.DiagnosticSeverity | undefined {
  if (rule === 'quote-unverified') {
    if (!settings.unverifiedQuotes) return undefined;
    level = settings.unverifiedSeverity;
  }
  const override = settings.severity[rule];
  if (override === 'off') return undefined;
  return LEVELS[override ?? level] ?? LEVELS[level] ?? vscode.DiagnosticSeverity.Warning;
}

export function runCheck(
  binary: string,
  args: string[],
  cwd: string,
  token: vscode.CancellationToken,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = cp.execFile(
      binary,
      args,
      { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        // Exit 1 only says "findings at or above --fail-on"; 2 is a usage or input error.
        const code = (err as { code?: unknown } | null)?.code;
        if (err && code !== 1) reject(new Error(stderr.trim() || err.message));
        else resolve(stdout);
      },
    );
    token.onCancellationRequested(() => child.kill());
  });
}

// Runs the check over every workspace folder into `results`; `binary` is the server executable,
// `ruleDocs` the folder of rule pages each rule code links to (as the live server's do).
export async function checkWorkspace(
  binary: string,
  results: vscode.DiagnosticCollection,
  output: vscode.OutputChannel,
  ruleDocs?: string,
): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Factline: open a folder to check a whole workspace.');
    return;
  }
  results.clear();
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.fsPath));
  const found = new Map<string, vscode.Diagnostic[]>();
  let checked = 0;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Factline: checking the workspace',
      cancellable: true,
    },
    async (progress, token) => {
      for (const folder of folders) {
        const settings = serverSettings(folder.uri);
        const drafts = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, DRAFTS), EXCLUDE))
          .map((u) => u.fsPath)
          .filter((p) => !open.has(p))
          .sort();
        for (let i = 0; i < drafts.length && !token.isCancellationRequested; i += FILES_PER_RUN) {
          const batch = drafts.slice(i, i + FILES_PER_RUN);
          const args = ['check', '--format', 'json', '--fail-on', 'none'];
          for (const base of settings.factBases) args.push('--facts', path.resolve(folder.uri.fsPath, base));
          args.push(...batch);
          progress.report({ message: `${folder.name}: ${i + batch.length} of ${drafts.length} drafts` });
          output.appendLine(`$ ${binary} check … (${batch.length} drafts in ${folder.name})`);
          try {
            const report = parseJsonReport(await runCheck(binary, args, folder.uri.fsPath, token));
            checked += batch.length;
            const lines = new Map<string, string[]>();
            for (const r of report) {
              const severity = severityFor(r.rule, r.level, settings);
              if (severity === undefined) continue;
              const file = path.resolve(folder.uri.fsPath, r.file);
              if (!lines.has(file)) lines.set(file, fs.readFileSync(file, 'utf8').split(/\r?\n/));
              const text = lines.get(file) ?? [];
              const range = new vscode.Range(
                r.start.line,
                utf16Column(text[r.start.line] ?? '', r.start.codePoint),
                r.end.line,
                utf16Column(text[r.end.line] ?? '', r.end.codePoint),
              );
              output.appendLine(`${r.file}:${r.start.line + 1}:${r.start.codePoint + 1}: ${r.level}: ${r.message} [${r.rule}]`);
              const d = new vscode.Diagnostic(range, r.message, severity);
              d.source = 'factline check';
              const page = ruleDocs ? path.join(ruleDocs, `${r.rule}.md`) : undefined;
              d.code = page && fs.existsSync(page) ? { value: r.rule, target: vscode.Uri.file(page) } : r.rule;
              found.set(file, [...(found.get(file) ?? []), d]);
            }
          } catch (e) {
            const message = `Factline: checking ${folder.name} failed: ${e instanceof Error ? e.message : String(e)}`;
            output.appendLine(message);
            void vscode.window.showErrorMessage(message);
            return;
          }
        }
      }
    },
  );
  let findings = 0;
  for (const [file, diags] of found) {
    results.set(vscode.Uri.file(file), diags);
    findings += diags.length;
  }
  const summary = `Factline: ${findings} finding${findings === 1 ? '' : 's'} in ${checked} closed draft${checked === 1 ? '' : 's'} (open drafts are checked live).`;
  output.appendLine(summary);
  void vscode.window.showInformationMessage(summary);
  if (findings > 0) await vscode.commands.executeCommand('workbench.actions.view.problems');
}
