// Factline: Open Fact Base Entry of the Claim Under the Cursor.
//
// The server has no request for "where is this record"; what it gives for a claim is the hover
// (the record in Markdown, ending with "Entry: `id`") and, on diagnostics, `data` with the fact
// ids the finding rests on ({"rule", "status", "evidence": [{"kind", "id"}]}). With an id, the
// entry is looked up in the workspace's fact base files, in the order the server lets them win
// (factBases, then .factline/*.json by name, last first). The bundled base lives inside the
// binary, so for its entries the hover's record is shown instead, read-only, beside the draft.
import * as path from 'path';
import * as vscode from 'vscode';
import { Hover as LspHover, HoverRequest, LanguageClient, State } from 'vscode-languageclient/node';

import { idsInData, idsInMarkdown } from './factIds';
import { serverSettings } from './settings';

export const RECORD_SCHEME = 'factline-record';
const records = new Map<string, string>();
export const recordProvider: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => records.get(uri.toString()) ?? '',
};

function markdownOf(hover: LspHover | null): string {
  const c = hover?.contents;
  if (!c) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n\n');
  return c.value;
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

export async function openFactEntry(client: LanguageClient | undefined): Promise<void> {
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
