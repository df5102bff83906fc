// A workspace .factline/config.json through VS Code's client protocol stack against the real
// server: in a scratch workspace whose file raises figure-wrong to error, lowers quote-altered to
// hint and turns quote-misattributed off, the pulled diagnostics (textDocument/diagnostic, as VS
// Code asks for them) follow the file; and the settings VS Code answers to workspace/configuration
// go over it, severity rule by rule (README, "Workspace configuration", "What wins").
// Environment as server.test.mjs.
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
const WAIT_MS = 15000;
const { capabilities: VSCODE_CAPABILITIES } = JSON.parse(
  fs.readFileSync(path.join(here, 'vscode-client-capabilities.json'), 'utf8'),
);
const CONFIG = {
  severity: { 'figure-wrong': 'error', 'quote-misattributed': 'off', 'quote-altered': 'hint' },
};

// A server for a scratch workspace holding the draft and CONFIG, answering workspace/configuration
// for the section "factline" with `settings` (null: no editor settings).
function workspace(name, settings) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `factline-config-${name}-`));
  const draft = path.join(root, 'story.md');
  fs.copyFileSync(DRAFT, draft);
  fs.mkdirSync(path.join(root, '.factline'));
  fs.writeFileSync(path.join(root, '.factline', 'config.json'), JSON.stringify(CONFIG, null, 2));
  const uri = pathToFileURL(draft).href;
  const text = fs.readFileSync(draft, 'utf8');
  const w = { root, shown: [] };

  // textDocument/diagnostic as vscode-languageclient sends it, again until `done` holds of the
  // items (the server may answer before it has the settings), or WAIT_MS: the last items.
  w.pullUntil = async (done) => {
    const started = Date.now();
    for (;;) {
      const report = await w.conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(report.kind, 'full', JSON.stringify(report));
      if (done(report.items) || Date.now() - started > WAIT_MS) return report.items;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  w.start = async () => {
    w.proc = spawn(SERVER, ['serve', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    w.conn = lsp.createProtocolConnection(
      new lsp.StreamMessageReader(w.proc.stdout),
      new lsp.StreamMessageWriter(w.proc.stdin),
    );
    w.conn.onRequest(lsp.ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'factline' ? settings : null)));
    w.conn.onRequest(lsp.RegistrationRequest.type, () => null);
    w.conn.onRequest(lsp.UnregistrationRequest.type, () => null);
    w.conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => null);
    w.conn.onRequest(lsp.DiagnosticRefreshRequest.type, () => null);
    w.conn.onNotification(lsp.LogMessageNotification.type, () => {});
    w.conn.onNotification(lsp.ShowMessageNotification.type, (params) => { w.shown.push(params); });
    w.conn.listen();
    await w.conn.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: VSCODE_CAPABILITIES,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name }],
    });
    await w.conn.sendNotification(lsp.InitializedNotification.type, {});
    await w.conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
  };
  w.stop = () => {
    if (w.proc && w.proc.exitCode === null) w.proc.kill('SIGKILL');
    w.conn?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  };
  return w;
}

const figureOf = (items) => items.find((d) => d.code === 'figure-wrong' && d.message.includes('87 million'));
const ofRule = (items, rule) => items.filter((d) => d.code === rule);

describe('.factline/config.json through vscode-languageserver-protocol', () => {
  const w = workspace('file', null);
  before(() => w.start());
  after(() => w.stop());

  it('reports the figure as an error, the altered quote as a hint and no misattributed quote', async () => {
    const items = await w.pullUntil((items) => figureOf(items)?.severity === lsp.DiagnosticSeverity.Error);
    const all = JSON.stringify(items.map((d) => [d.code, d.severity]));
    assert.equal(figureOf(items)?.severity, lsp.DiagnosticSeverity.Error, `the wrong figure an error: ${all}`);
    const altered = ofRule(items, 'quote-altered');
    assert.ok(altered.length > 0 && altered.every((d) => d.severity === lsp.DiagnosticSeverity.Hint),
      `the altered quote a hint: ${all}`);
    assert.deepEqual(ofRule(items, 'quote-misattributed'), [], 'quote-misattributed is off');
    assert.deepEqual(w.shown.filter((m) => m.type <= 2), [], 'no error or warning about the file');
  });
});

describe('VS Code settings over .factline/config.json', () => {
  // What the extension answers to workspace/configuration: every key, and one severity of its own.
  const w = workspace('settings', {
    factBases: [],
    debounceMs: 30,
    unverifiedQuotes: true,
    unverifiedSeverity: 'information',
    severity: { 'quote-altered': 'warning' },
  });
  before(() => w.start());
  after(() => w.stop());

  it('takes the settings\' severity for quote-altered and the file\'s for the other rules', async () => {
    const items = await w.pullUntil((items) => figureOf(items)
      && ofRule(items, 'quote-altered').some((d) => d.severity === lsp.DiagnosticSeverity.Warning));
    const all = JSON.stringify(items.map((d) => [d.code, d.severity]));
    const altered = ofRule(items, 'quote-altered');
    assert.ok(altered.length > 0 && altered.every((d) => d.severity === lsp.DiagnosticSeverity.Warning),
      `the settings' warning over the file's hint: ${all}`);
    assert.equal(figureOf(items)?.severity, lsp.DiagnosticSeverity.Error, `the file's error stands: ${all}`);
    assert.deepEqual(ofRule(items, 'quote-misattributed'), [], 'the file\'s "off" stands');
  });
});
