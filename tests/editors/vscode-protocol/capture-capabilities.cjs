// Regenerates vscode-client-capabilities.json: the ClientCapabilities that vscode-languageclient
// (the library the Factline extension runs on, from editors/vscode/node_modules) sends in
// `initialize`, computed by the library itself with a stand-in for the `vscode` module.
// Run: node tests/editors/vscode-protocol/capture-capabilities.cjs (after npm ci in editors/vscode).
'use strict';
const Module = require('module');
const path = require('path');

// A stand-in `vscode` module: every property is a callable, constructible, indexable no-op, so
// that the feature classes load and construct; only their fillClientCapabilities output matters.
function stub() {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, prop) {
      if (prop === Symbol.toPrimitive) return () => 0;
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      return stub();
    },
    apply() { return stub(); },
    construct() { return stub(); },
  });
}
const VSCODE_VERSION = '1.95.0'; // a VS Code 1.9x, as the extension's engines allow
const vscode = new Proxy({}, {
  get(_t, prop) { return prop === 'version' ? VSCODE_VERSION : stub(); },
});
const origLoad = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  return origLoad.call(this, request, ...rest);
};

const root = path.join(__dirname, '..', '..', '..', 'editors', 'vscode', 'node_modules');
const { LanguageClient } = require(path.join(root, 'vscode-languageclient', 'node'));
const client = new LanguageClient('factline', 'Factline', { command: 'factline', args: ['serve'] }, {
  documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'file', language: 'plaintext' }],
});
const caps = client.computeClientCapabilities();
const version = require(path.join(root, 'vscode-languageclient', 'package.json')).version;
process.stdout.write(JSON.stringify({ _generatedBy: `vscode-languageclient ${version} (VS Code ${VSCODE_VERSION})`, capabilities: caps }, null, 2) + '\n');
