// Parts of the VS Code extension run under plain Node: the settings it sends the server (with a
// stand-in for the `vscode` module holding a user's settings), the server lookup's fallback when
// the bundled binary cannot run, and what the status bar item says.
//
// Environment: FACTLINE_VSCODE_OUT (the extension compiled by tsc; default editors/vscode/out).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const VSCODE_OUT = process.env.FACTLINE_VSCODE_OUT ?? path.join(repo, 'editors', 'vscode', 'out');

// A `vscode` module with only what settings.ts reads: getConfiguration().get and .inspect over
// `user` (the user's settings.json values; everything else takes its default).
const user = {};
const fakeVscode = {
  workspace: {
    workspaceFolders: undefined,
    getConfiguration: () => ({
      get: (key, fallback) => (key in user ? user[key] : fallback),
      inspect: (key) => ({ globalValue: user[key] }),
    }),
  },
};
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode };

const settings = require(path.join(VSCODE_OUT, 'settings.js'));
const { countFindings, statusView } = require(path.join(VSCODE_OUT, 'statusText.js'));

describe('the settings the extension sends the server', () => {
  it('sends factline.analysisTimeoutMs when the user set it', () => {
    for (const k of Object.keys(user)) delete user[k];
    user.analysisTimeoutMs = 1234;
    user.debounceMs = 50;
    const sent = settings.explicitServerSettings();
    assert.equal(sent.analysisTimeoutMs, 1234);
    assert.equal(sent.debounceMs, 50);
    assert.ok(!('factBases' in sent), 'unset settings are left to the workspace file');
    assert.equal(settings.serverSettings().analysisTimeoutMs, 1234);
  });
  it('has the server default when the user did not set it', () => {
    for (const k of Object.keys(user)) delete user[k];
    assert.equal(settings.serverSettings().analysisTimeoutMs, 5000);
    assert.ok(!('analysisTimeoutMs' in settings.explicitServerSettings()));
  });
});

describe('the server lookup', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-lookup-'));
  const ext = path.join(dir, 'ext');
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(path.join(ext, 'server'), { recursive: true });
  fs.mkdirSync(bin);
  const onPath = path.join(bin, 'factline');
  fs.writeFileSync(onPath, '#!/bin/sh\necho "factline on PATH"\n', { mode: 0o755 });
  const bundled = path.join(ext, 'server', 'factline');
  const savedPath = process.env.PATH;

  it('uses the bundled server when it runs, and gives it back its executable bit', () => {
    fs.writeFileSync(bundled, '#!/bin/sh\necho "factline 0.1.0"\n', { mode: 0o644 });
    process.env.PATH = bin;
    try {
      const found = settings.findServer(ext);
      assert.deepEqual(found, { path: bundled, how: 'bundled with the extension' });
      assert.ok(fs.statSync(bundled).mode & 0o100, 'executable again');
    } finally {
      process.env.PATH = savedPath;
    }
  });
  it('falls back to factline on PATH when the bundled one cannot run here, and says why', () => {
    // What a binary for another machine does: the loader fails before main().
    fs.writeFileSync(bundled, '#!/bin/sh\necho "version GLIBC_9.99 not found" >&2\nexit 127\n', { mode: 0o755 });
    process.env.PATH = bin;
    try {
      const found = settings.findServer(ext);
      assert.equal(found.path, onPath);
      assert.match(found.how, /^found on PATH; the bundled server cannot run here .*GLIBC_9\.99 not found/);
      process.env.PATH = path.join(dir, 'nothing-here');
      const none = settings.findServer(ext);
      assert.match(none.error, /the bundled server cannot run on this machine .*exited with 127/);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});

describe('the status bar item', () => {
  it('counts problems and notes by LSP severity', () => {
    assert.deepEqual(countFindings([1, 2, 2, 3, 4]), { problems: 3, notes: 2 });
  });
  it('says the state, the counts, and what a click does', () => {
    assert.equal(statusView('starting', undefined).text, '$(sync~spin) Factline');
    const stopped = statusView('stopped', undefined, 'why');
    assert.equal(stopped.click, 'restart');
    assert.match(stopped.tooltip, /why/);
    const clean = statusView('running', { problems: 0, notes: 0 });
    assert.equal(clean.text, '$(check) Factline');
    const some = statusView('running', { problems: 2, notes: 1 });
    assert.equal(some.text, 'Factline $(warning) 2 $(info) 1');
    assert.match(some.tooltip, /2 problems and 1 note in this draft/);
    assert.equal(some.click, 'review');
    assert.equal(statusView('running', { problems: 0, notes: 3 }).text, 'Factline $(info) 3');
  });
});
