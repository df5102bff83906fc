// Copies the fact base and configuration JSON Schemas from facts/schema/ into the extension (for
// jsonValidation) at package time.
'use strict';
const fs = require('fs');
const path = require('path');

for (const name of ['factbase.schema.json', 'config.schema.json']) {
  const from = path.resolve(__dirname, '..', '..', '..', 'facts', 'schema', name);
  const to = path.resolve(__dirname, '..', 'schemas', name);
  if (!fs.existsSync(from)) {
    console.error(`copy-schema: ${from} not found; the extension's jsonValidation needs it`);
    process.exit(1);
  }
  JSON.parse(fs.readFileSync(from, 'utf8')); // refuse to package a schema that is not JSON
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  console.log(`copy-schema: ${path.relative(process.cwd(), to)}`);
}
