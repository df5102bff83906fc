// The Factline status bar item: the server's state and the active draft's findings; a click opens
// the review sheet (or restarts a stopped server). The words are statusText.ts's.
import * as vscode from 'vscode';

import { countFindings, ServerState, statusView } from './statusText';

export class FactlineStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private state: ServerState = 'starting';
  private detail = '';
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.item = vscode.window.createStatusBarItem('factline.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Factline';
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.render();
      }),
    ];
    this.render();
  }

  setState(state: ServerState, detail = ''): void {
    this.state = state;
    this.detail = detail;
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const draft = doc && (doc.languageId === 'markdown' || doc.languageId === 'plaintext');
    if (!doc || !draft) {
      this.item.hide();
      return;
    }
    const severities = vscode.languages
      .getDiagnostics(doc.uri)
      .filter((d) => d.source === 'factline')
      .map((d) => d.severity + 1); // VS Code counts from 0, LSP from 1
    const view = statusView(this.state, countFindings(severities), this.detail);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.click === 'restart' ? 'factline.restartServer' : 'factline.openReviewSheet';
    this.item.show();
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.item.dispose();
  }
}
