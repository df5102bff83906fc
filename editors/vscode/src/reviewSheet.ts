// Factline: Open Review Sheet: `factline check --format html` (the same analyzers) over the active
// draft, or over every workspace folder when no draft is active, opened in the browser.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

import { runCheck } from './checkWorkspace';
import { serverSettings } from './settings';

export async function openReviewSheet(
  binary: string,
  storage: vscode.Uri,
  output: vscode.OutputChannel,
): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const draft = doc && doc.uri.scheme === 'file' && ['markdown', 'plaintext'].includes(doc.languageId) ? doc : undefined;
  const folder = draft ? vscode.workspace.getWorkspaceFolder(draft.uri) : vscode.workspace.workspaceFolders?.[0];
  if (!draft && !folder) {
    void vscode.window.showInformationMessage('Factline: open a draft (saved as a file) or a folder for a review sheet.');
    return;
  }
  if (draft?.isDirty) {
    void vscode.window.showInformationMessage('Factline: the review sheet shows the draft as last saved.');
  }
  const cwd = folder?.uri.fsPath ?? path.dirname(draft?.uri.fsPath ?? '.');
  const settings = serverSettings(folder?.uri ?? draft?.uri);
  fs.mkdirSync(storage.fsPath, { recursive: true });
  const sheet = path.join(storage.fsPath, 'review.html');
  const args = ['check', '--format', 'html', '--fail-on', 'none', '-o', sheet];
  for (const base of settings.factBases) args.push('--facts', path.resolve(cwd, base));
  args.push(draft ? draft.uri.fsPath : cwd);
  output.appendLine(`$ ${binary} ${args.join(' ')}`);
  const cancel = new vscode.CancellationTokenSource();
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Factline: writing the review sheet' },
      () => runCheck(binary, args, cwd, cancel.token),
    );
  } catch (e) {
    const message = `Factline: the review sheet could not be written: ${e instanceof Error ? e.message : String(e)}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return;
  } finally {
    cancel.dispose();
  }
  if (!(await vscode.env.openExternal(vscode.Uri.file(sheet)))) {
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(sheet));
  }
}
