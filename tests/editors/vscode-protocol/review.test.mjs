// "Mark as reviewed…" through VS Code's client protocol stack against the real server: in a
// scratch workspace, the code action's command goes back with the decision the extension's
// middleware adds (editors/vscode/src/reviewDecision.ts, compiled), the server asks VS Code to
// create and fill .factline/reviews.json (workspace/applyEdit, applied here as VS Code would), and
// the figure's Warning becomes a Hint. Environment as server.test.mjs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver-protocol/node');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const SERVER = path.resolve(process.env.FACTLINE_BINARY ?? path.join(repo, 'build', 'factline'));
const DRAFT = process.env.FACTLINE_DRAFT ?? path.join(repo, 'examples', 'hearing-draft.md');
const VSCODE_OUT = process.env.FACTLINE_VSCODE_OUT ?? path.join(repo, 'editors', 'vscode', 'out');
const WAIT_MS = 15000;
const { capabilities: VSCODE_CAPABILITIES } = JSON.parse(
  fs.readFileSync(path.join(here, 'vscode-client-capabilities.json'), 'utf8'),
);

function waitFor(what, predicate, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const value = predicate();
      if (value) return resolve(value);
      if (Date.now() - started > ms) return reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      setTimeout(poll, 10);
    };
    poll();
  });
}

// Applies a WorkspaceEdit to files on disk, as VS Code does (and then saves, as the extension does).
function applyToDisk(edit) {
  const write = (uri, edits) => {
    const file = fileURLToPath(uri);
    let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const lines = text.split('\n');
    const offset = (p) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
      text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
    fs.writeFileSync(file, text);
  };
  for (const change of edit.documentChanges ?? []) {
    if (change.kind === 'create') {
      const file = fileURLToPath(change.uri);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      if (!fs.existsSync(file)) fs.writeFileSync(file, '');
    } else if (change.textDocument) {
      write(change.textDocument.uri, change.edits);
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) write(uri, edits);
}

describe('Mark as reviewed through vscode-languageserver-protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-review-'));
  const draft = path.join(root, 'story.md');
  fs.copyFileSync(DRAFT, draft);
  const uri = pathToFileURL(draft).href;
  const text = fs.readFileSync(draft, 'utf8');
  let proc;
  let conn;
  const published = []; // pushed diagnostics: none, a client that pulls is not pushed to
  let refreshes = 0;
  const pull = async () => {
    const report = await conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(report.kind, 'full', JSON.stringify(report));
    return { diagnostics: report.items };
  };
  const applied = [];
  const asked = [];

  before(async () => {
    proc = spawn(SERVER, ['serve', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    conn = lsp.createProtocolConnection(
      new lsp.StreamMessageReader(proc.stdout),
      new lsp.StreamMessageWriter(proc.stdin),
    );
    conn.onRequest(lsp.ConfigurationRequest.type, (params) => params.items.map(() => null));
    conn.onRequest(lsp.RegistrationRequest.type, () => null);
    conn.onRequest(lsp.UnregistrationRequest.type, () => null);
    conn.onRequest(lsp.ShowMessageRequest.type, (params) => { asked.push(params); return null; });
    conn.onRequest(lsp.ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      applyToDisk(params.edit);
      // VS Code tells the server of the saved file through its watcher.
      setTimeout(() => conn.sendNotification(lsp.DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(path.join(root, '.factline', 'reviews.json')).href, type: 1 }],
      }), 0);
      return { applied: true };
    });
    conn.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri) published.push(params);
    });
    // VS Code pulls again when the server asks it to refresh (LSP 3.17).
    conn.onRequest(lsp.DiagnosticRefreshRequest.type, () => { refreshes += 1; return null; });
    conn.onNotification(lsp.LogMessageNotification.type, () => {});
    conn.onNotification(lsp.ShowMessageNotification.type, () => {});
    conn.listen();
    await conn.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: VSCODE_CAPABILITIES,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'review' }],
    });
    await conn.sendNotification(lsp.InitializedNotification.type, {});
    await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
  });

  after(async () => {
    if (proc && proc.exitCode === null) proc.kill('SIGKILL');
    conn?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const figureOf = (params) => params?.diagnostics.find((d) => d.code === 'figure-wrong' && d.message.includes('87 million'));

  it('records the decision the extension asked for and shows the finding as a Hint', async () => {
    const first = figureOf(await pull());
    assert.ok(first, 'the wrong figure');
    assert.equal(first.severity, 2);
    const actions = await conn.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first], triggerKind: 1 },
    });
    const review = actions.find((a) => a.title === 'Mark as reviewed…');
    assert.ok(review?.command, `a "Mark as reviewed…" action: ${JSON.stringify(actions)}`);
    assert.equal(review.command.command, 'factline.markReviewed');

    // What the extension's middleware sends once the writer has picked and typed.
    const { decisionArguments, REVIEW_CHOICES } = require(path.join(VSCODE_OUT, 'reviewDecision.js'));
    const other = REVIEW_CHOICES.find((c) => c.reason === 'other');
    const args = decisionArguments(review.command.arguments, other, ' the record lacks the reply ', 'Ana Ruiz');
    await conn.sendRequest(lsp.ExecuteCommandRequest.type, { command: review.command.command, arguments: args });
    assert.equal(asked.length, 0, 'the server does not ask again');
    assert.equal(applied.length, 1);

    const saved = JSON.parse(fs.readFileSync(path.join(root, '.factline', 'reviews.json'), 'utf8'));
    assert.equal(saved.decisions.length, 1);
    assert.deepEqual(
      { draft: saved.decisions[0].draft, rule: saved.decisions[0].rule, decision: saved.decisions[0].decision,
        reason: saved.decisions[0].reason, why: saved.decisions[0].why, by: saved.decisions[0].by },
      { draft: 'story.md', rule: 'figure-wrong', decision: 'overruled', reason: 'other',
        why: 'the record lacks the reply', by: 'Ana Ruiz' });
    await waitFor('a diagnostic refresh after the decision', () => refreshes > 0);
    const hint = figureOf(await pull());
    assert.ok(hint && hint.severity === 4, `the figure as a Hint: ${JSON.stringify(hint)}`);
    assert.equal(published.length, 0, 'a client that pulls diagnostics is not pushed them too');
    assert.match(hint.message, /^Reviewed, overruled \(Ana Ruiz, .*\): the record lacks the reply\./);
  });
});
