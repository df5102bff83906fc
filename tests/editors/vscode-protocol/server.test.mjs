// VS Code's client protocol stack against the real server: vscode-jsonrpc and
// vscode-languageserver-protocol (the versions vscode-languageclient 9.0.1 ships with) drive
// `factline serve` over pipes with the initialize params and capabilities VS Code sends, then
// check diagnostics (pulled, as vscode-languageclient does when the server offers them), a hover,
// a quick fix applied as VS Code would, and a clean shutdown.
//
// Environment: FACTLINE_BINARY (default build/factline), FACTLINE_DRAFT (default
// examples/hearing-draft.md), FACTLINE_VSCODE_OUT (the extension compiled by tsc; default
// editors/vscode/out). Run: node --test tests/editors/vscode-protocol/
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const lsp = require('vscode-languageserver-protocol/node');

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const SERVER = process.env.FACTLINE_BINARY ?? path.join(repo, 'build', 'factline');
const DRAFT = process.env.FACTLINE_DRAFT ?? path.join(repo, 'examples', 'hearing-draft.md');
const VSCODE_OUT = process.env.FACTLINE_VSCODE_OUT ?? path.join(repo, 'editors', 'vscode', 'out');
const WAIT_MS = 15000;

const { capabilities: VSCODE_CAPABILITIES } = JSON.parse(
  fs.readFileSync(path.join(here, 'vscode-client-capabilities.json'), 'utf8'),
);

// What the extension answers to workspace/configuration (see editors/vscode/src/extension.ts):
// the defaults, plus one severity override so the test can see that the server applied them.
const SETTINGS = {
  factBases: [],
  debounceMs: 30,
  unverifiedQuotes: true,
  unverifiedSeverity: 'information',
  severity: { 'figure-wrong': 'information' },
};

// Offsets below are JavaScript string indices, i.e. UTF-16 code units: the encoding VS Code
// offers (general.positionEncodings ["utf-16"]), so they compare directly with LSP positions.
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
function offsetAt(text, pos) {
  let offset = 0;
  for (let l = 0; l < pos.line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + pos.character;
}
function rangeOf(text, needle, nth = 1) {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `the draft should contain ${JSON.stringify(needle)} (${nth})`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}
function overlaps(a, b) {
  const before = (p, q) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
function applyEdits(text, edits) {
  const sorted = edits
    .map((e) => ({ from: offsetAt(text, e.range.start), to: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.from - a.from);
  for (const e of sorted) text = text.slice(0, e.from) + e.newText + text.slice(e.to);
  return text;
}
function hoverText(hover) {
  const c = hover?.contents;
  if (!c) return '';
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}
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

describe('factline serve through vscode-languageserver-protocol', () => {
  const uri = pathToFileURL(DRAFT).href;
  let text = fs.readFileSync(DRAFT, 'utf8');
  let proc;
  let conn;
  let stderr = '';
  let exited;
  const published = []; // every publishDiagnostics for the draft: none, VS Code pulls them
  let resultId; // of the last full diagnostic report
  // textDocument/diagnostic as vscode-languageclient sends it after an open or a change.
  const pull = async () => {
    const report = await conn.sendRequest(lsp.DocumentDiagnosticRequest.type, {
      textDocument: { uri }, ...(resultId ? { previousResultId: resultId } : {}),
    });
    assert.ok(report.kind === 'full' || report.kind === 'unchanged', JSON.stringify(report));
    if (report.kind === 'unchanged') assert.equal(report.resultId, resultId);
    else resultId = report.resultId;
    return report;
  };
  const configurationRequests = [];
  let initializeResult;

  before(async () => {
    assert.ok(fs.existsSync(SERVER), `no server binary at ${SERVER} (set FACTLINE_BINARY)`);
    proc = spawn(SERVER, ['serve', '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stderr.on('data', (d) => { stderr += d; });
    exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    conn = lsp.createProtocolConnection(
      new lsp.StreamMessageReader(proc.stdout),
      new lsp.StreamMessageWriter(proc.stdin),
    );
    conn.onRequest(lsp.ConfigurationRequest.type, (params) => {
      configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'factline' ? SETTINGS : null));
    });
    conn.onRequest(lsp.RegistrationRequest.type, () => null);
    conn.onRequest(lsp.UnregistrationRequest.type, () => null);
    conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => null);
    conn.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri) published.push(params);
    });
    conn.onNotification(lsp.LogMessageNotification.type, () => {});
    conn.onNotification(lsp.ShowMessageNotification.type, () => {});
    conn.listen();

    // The initialize params VS Code 1.9x sends for a single-folder workspace.
    initializeResult = await conn.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code', version: '1.95.0' },
      locale: 'en',
      rootPath: repo,
      rootUri: pathToFileURL(repo).href,
      capabilities: VSCODE_CAPABILITIES,
      initializationOptions: undefined,
      trace: 'off',
      workspaceFolders: [{ uri: pathToFileURL(repo).href, name: path.basename(repo) }],
    });
    await conn.sendNotification(lsp.InitializedNotification.type, {});
    // Settings first, then the document, so the first diagnostics already use them.
    await waitFor('workspace/configuration for "factline"', () =>
      configurationRequests.some((p) => p.items.some((i) => i.section === 'factline')));
    await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
  });

  after(async () => {
    if (proc && proc.exitCode === null) proc.kill('SIGKILL');
    conn?.dispose();
  });

  it('negotiates what VS Code relies on', () => {
    const caps = initializeResult.capabilities;
    const sync = caps.textDocumentSync;
    const change = typeof sync === 'number' ? sync : sync?.change;
    assert.equal(change, lsp.TextDocumentSyncKind.Incremental, 'incremental sync');
    if (typeof sync === 'object') assert.equal(sync.openClose, true, 'openClose');
    assert.ok(caps.hoverProvider, 'hoverProvider');
    assert.ok(caps.codeActionProvider, 'codeActionProvider');
    // vscode-languageclient pulls diagnostics (LSP 3.17) when the server offers them.
    assert.equal(caps.diagnosticProvider?.interFileDependencies, false, 'diagnosticProvider');
    assert.ok(caps.positionEncoding === undefined || caps.positionEncoding === 'utf-16',
      `VS Code only offers utf-16, the server chose ${caps.positionEncoding}`);
    assert.ok(initializeResult.serverInfo?.name?.toLowerCase().includes('factline'), 'serverInfo.name');
  });

  let figure;
  it('answers pulled diagnostics for the wrong figure and the misattributed quote', async () => {
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.equal(published.length, 0, 'a client that pulls diagnostics is not pushed them too');
    const again = await pull();
    assert.equal(again.kind, 'unchanged', 'nothing changed: the same result');
    const diags = first.items;
    for (const d of diags) {
      assert.equal(d.source, 'factline');
      assert.equal(typeof d.message, 'string');
      assert.ok(d.message.length > 0);
      assert.ok([1, 2, 3, 4].includes(d.severity), `severity ${d.severity}`);
    }
    const figureRange = rangeOf(text, '78 million');
    figure = diags.find((d) => d.code === 'figure-wrong' && overlaps(d.range, figureRange));
    assert.ok(figure, `a figure-wrong diagnostic over "78 million"; got ${JSON.stringify(diags, null, 1)}`);
    // The claim is the figure and its unit noun: "78 million Facebook users".
    assert.deepEqual(figure.range.start, figureRange.start, 'the range starts at "78 million"');
    assert.equal(figure.range.end.line, figureRange.end.line);
    const claim = text.slice(offsetAt(text, figure.range.start), offsetAt(text, figure.range.end));
    assert.match(claim, /^78 million( Facebook users)?$/, `the range covers the figure, got ${JSON.stringify(claim)}`);
    assert.match(figure.message, /87 million/);
    // The rule code in the Problems panel opens the rule's page (docs/rules/, beside the binary's
    // folder: the repository's for build/factline, the package's for the bundled server).
    for (const d of diags) {
      const page = fileURLToPath(d.codeDescription?.href ?? 'file:///missing');
      assert.equal(path.basename(page), `${d.code}.md`, JSON.stringify(d.codeDescription));
      assert.ok(fs.existsSync(page), `${page} exists`);
    }
    assert.deepEqual(figure.data?.evidence?.[0], { kind: 'figure', id: 'f-users-affected' },
      'diagnostic data names the fact entry (what "Open Fact Base Entry" reads)');
    // The settings answered to workspace/configuration turned figure-wrong into information.
    assert.equal(figure.severity, lsp.DiagnosticSeverity.Information, 'severity override applied');

    const quoteRange = rangeOf(text, 'This is going to be a never-ending battle');
    const quote = diags.find((d) => d.code === 'quote-misattributed' && overlaps(d.range, quoteRange));
    assert.ok(quote, `a quote-misattributed diagnostic; got ${JSON.stringify(diags, null, 1)}`);
    assert.match(quote.message, /Zuckerberg/);
    // The quotation spans two lines and ends on a closing curly quote (one UTF-16 unit, three
    // UTF-8 bytes): a server counting in the wrong encoding would end elsewhere.
    const quoted = text.slice(offsetAt(text, quote.range.start), offsetAt(text, quote.range.end));
    assert.ok(quoted.includes('This is going to be a never-ending battle'), quoted);
    assert.ok(quoted.endsWith('fully solve security.”'), `ends after the closing mark: ${JSON.stringify(quoted)}`);

    // The verified quote is not flagged.
    const verified = rangeOf(text, 'Absolutely');
    assert.ok(!diags.some((d) => d.severity <= 2 && overlaps(d.range, verified)), '"Absolutely" is on record');
  });

  it('answers a markdown hover with the record', async () => {
    const mid = offsetAt(text, figure.range.start) + 2;
    const hover = await conn.sendRequest(lsp.HoverRequest.type, {
      textDocument: { uri },
      position: positionAt(text, mid),
    });
    assert.ok(hover, 'a hover over "78 million"');
    assert.equal(hover.contents.kind, 'markdown', 'VS Code asked for markdown first');
    const value = hoverText(hover);
    assert.match(value, /87 million/);
    if (hover.range) assert.ok(overlaps(hover.range, figure.range), 'hover range on the figure');

    // What the extension's "Open Fact Base Entry" command reads from these answers.
    const { idsInData, idsInMarkdown } = require(path.join(VSCODE_OUT, 'factIds.js'));
    assert.deepEqual(idsInMarkdown(value), ['f-users-affected'], `the hover's Entry line: ${value}`);
    assert.deepEqual(idsInData(figure.data), ['f-users-affected']);
  });

  it('lists every checked quote and figure in the outline, with its status', async () => {
    const symbols = await conn.sendRequest(lsp.DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'document symbols');
    // VS Code offers hierarchicalDocumentSymbolSupport: DocumentSymbol[], in document order.
    for (const s of symbols) assert.ok(s.range && s.selectionRange && s.detail, JSON.stringify(s));
    const starts = symbols.map((s) => offsetAt(text, s.range.start));
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'in document order');
    const wrong = symbols.find((s) => overlaps(s.range, figure.range));
    assert.ok(wrong, 'the wrong figure is in the outline');
    assert.equal(wrong.kind, lsp.SymbolKind.Number);
    // The status leads the name (the Outline view shows names first, the detail faintly after).
    assert.match(wrong.name, /^Wrong figure: 78 million/);
    assert.match(wrong.detail, /^the record says up to 87 million/);
    assert.ok(symbols.some((s) => s.kind === lsp.SymbolKind.String && /^Verified quote: “/.test(s.name)),
      'verified quotes are listed too');
  });

  it('offers a quick fix whose WorkspaceEdit restores the recorded figure', async () => {
    const actions = await conn.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri },
      range: figure.range,
      context: { diagnostics: [figure], only: [lsp.CodeActionKind.QuickFix], triggerKind: 1 },
    });
    assert.ok(Array.isArray(actions) && actions.length > 0, 'code actions for the figure');
    let action = actions.find((a) => a.kind === lsp.CodeActionKind.QuickFix && /87 million/.test(a.title));
    assert.ok(action, `a quickfix naming 87 million; got ${JSON.stringify(actions)}`);
    if (!action.edit && action.data !== undefined) {
      // VS Code advertises codeAction.resolveSupport for "edit".
      action = await conn.sendRequest(lsp.CodeActionResolveRequest.type, action);
    }
    assert.ok(action.edit, 'the quick fix carries a WorkspaceEdit');
    let edits;
    let editVersion;
    if (action.edit.documentChanges) {
      const change = action.edit.documentChanges.find((c) => c.textDocument?.uri === uri);
      assert.ok(change, 'a TextDocumentEdit for the draft');
      edits = change.edits;
      editVersion = change.textDocument.version;
    } else {
      edits = action.edit.changes?.[uri];
    }
    assert.ok(edits && edits.length > 0, 'text edits for the draft');
    if (editVersion !== undefined && editVersion !== null) assert.equal(editVersion, 1);

    const fixed = applyEdits(text, edits);
    assert.ok(fixed.includes('data from 87 million Facebook users'), 'the fix writes the recorded figure');
    assert.ok(!fixed.includes('78 million'));

    // Apply it the way VS Code does after workspace/applyEdit: an incremental didChange.
    await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [...edits]
        .sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start))
        .map((e) => ({ range: e.range, text: e.newText })),
    });
    text = fixed;
    const after = await pull();
    assert.equal(after.kind, 'full', 'the fix changed the diagnostics');
    const fixedRange = rangeOf(text, '87 million Facebook users');
    assert.ok(!after.items.some((d) => d.code === 'figure-wrong' && overlaps(d.range, fixedRange)),
      'no figure-wrong once the fix is applied');
    assert.ok(after.items.some((d) => d.code === 'quote-misattributed'),
      'the other findings stay');
  });

  it('restores the recorded wording of a hard-wrapped quote with its line breaks and marks', async () => {
    const wrappedUri = pathToFileURL(path.join(repo, 'examples', 'hard-wrapped-test.md')).href; // never written
    const wrapped = [
      'Zuckerberg told reporters on the call: “This is going to be a never-ending',
      'fight. You never fully solve security. It’s an arms',
      'race,” he said.',
      '',
    ].join('\n');
    await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri: wrappedUri, languageId: 'markdown', version: 1, text: wrapped },
    });
    // Pulled, as vscode-languageclient does when the server offers pull diagnostics.
    const report = await conn.sendRequest(lsp.DocumentDiagnosticRequest.type, {
      textDocument: { uri: wrappedUri },
    });
    assert.equal(report.kind, 'full', JSON.stringify(report));
    const params = { diagnostics: report.items };
    const altered = params.diagnostics.find((d) => d.code === 'quote-altered');
    assert.ok(altered, `a quote-altered diagnostic; got ${JSON.stringify(params.diagnostics)}`);
    const actions = await conn.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri: wrappedUri },
      range: altered.range,
      context: { diagnostics: [altered], only: [lsp.CodeActionKind.QuickFix], triggerKind: 1 },
    });
    const fix = actions.find((a) => a.title === 'Use the recorded wording');
    assert.ok(fix?.edit, `a "Use the recorded wording" fix; got ${JSON.stringify(actions)}`);
    const edits = fix.edit.changes?.[wrappedUri] ?? fix.edit.documentChanges?.[0]?.edits;
    assert.equal(applyEdits(wrapped, edits), [
      'Zuckerberg told reporters on the call: “This is going to be a never-ending',
      'battle. You never fully solve security. It’s an arms',
      'race,” he said.',
      '',
    ].join('\n'));
    await conn.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri: wrappedUri } });
  });

  it('shuts down and exits with code 0', async () => {
    const result = await conn.sendRequest(lsp.ShutdownRequest.type);
    assert.equal(result, null);
    await conn.sendNotification(lsp.ExitNotification.type);
    const { code, signal } = await Promise.race([
      exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error('server did not exit')), 5000)),
    ]);
    assert.equal(signal, null, stderr);
    assert.equal(code, 0, stderr);
  });
});
