// Copies into the extension, at package time, what lives elsewhere in the repository: the fact
// base and configuration JSON Schemas (for jsonValidation), the rule pages that diagnostics link
// to (docs/rules/, beside server/ as the server looks for them) and the LICENSE.
'use strict';
const fs = require('fs');
const path = require('path');

const repo = path.resolve(__dirname, '..', '..', '..');
const ext = path.resolve(__dirname, '..');

function copy(from, to) {
  if (!fs.existsSync(from)) {
    console.error(`copy-assets: ${from} not found; the extension needs it`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  console.log(`copy-assets: ${path.relative(process.cwd(), to)}`);
}

for (const name of ['factbase.schema.json', 'config.schema.json']) {
  const from = path.join(repo, 'facts', 'schema', name);
  JSON.parse(fs.readFileSync(from, 'utf8')); // refuse to package a schema that is not JSON
  copy(from, path.join(ext, 'schemas', name));
}
const rules = path.join(repo, 'docs', 'rules');
fs.rmSync(path.join(ext, 'docs'), { recursive: true, force: true }); // no page of a removed rule
for (const name of fs.readdirSync(rules).filter((n) => n.endsWith('.md')).sort()) {
  copy(path.join(rules, name), path.join(ext, 'docs', 'rules', name));
}
copy(path.join(repo, 'LICENSE'), path.join(ext, 'LICENSE'));
