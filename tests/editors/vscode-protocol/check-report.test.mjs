// The VS Code extension's "Check Whole Workspace" reads the JSON report of `factline check`: this
// runs the real command on the example drafts and on a draft with astral characters before its
// claims, and reads the report with the extension's own compiled reader (checkReport.js), checked
// against the text report's lines.
//
// Environment: FACTLINE_BINARY (default build/factline), FACTLINE_VSCODE_OUT (default
// editors/vscode/out, as compiled by tsc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..', '..');
const SERVER = process.env.FACTLINE_BINARY ?? path.join(repo, 'build', 'factline');
const VSCODE_OUT = process.env.FACTLINE_VSCODE_OUT ?? path.join(repo, 'editors', 'vscode', 'out');
const { parseJsonReport, utf16Column } = require(path.join(VSCODE_OUT, 'checkReport.js'));

// The example's wrong figure, after two emoji: two code points, four UTF-16 units.
const ASTRAL_DRAFT = `# Test

🙂🙂 Nearly half the US Senate, 44 senators, questioned him about how Cambridge Analytica came to hold data from 78 million Facebook users.
`;

test('the extension reads every finding of factline check at the right place', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-check-report-'));
  try {
    const astral = path.join(dir, 'astral.md');
    fs.writeFileSync(astral, ASTRAL_DRAFT);
    const files = [path.join(repo, 'examples', 'hearing-draft.md'), path.join(repo, 'examples', 'call-report.txt'), astral];
    // As checkWorkspace.ts runs it.
    const run = spawnSync(SERVER, ['check', '--format', 'json', '--fail-on', 'none', ...files], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(run.status, 0, `factline check exit status; stderr: ${run.stderr}`);
    const findings = parseJsonReport(run.stdout);
    assert.throws(() => parseJsonReport('1 file checked: no problems found'), /did not print a JSON report/);

    // The text report lists the same findings at the same places.
    const text = spawnSync(SERVER, ['check', '--fail-on', 'none', '--no-color', ...files], { cwd: dir, encoding: 'utf8' });
    const places = text.stdout.split('\n').map((l) => /^(.+:\d+:\d+): (error|warning|information|hint): /.exec(l)?.[1]).filter(Boolean);
    assert.deepEqual(findings.map((f) => `${f.file}:${f.start.line + 1}:${f.start.codePoint + 1}`), places);
    assert.ok(findings.length >= 5, `the examples' findings:\n${text.stdout}`);

    const claim = (f) => {
      const lines = fs.readFileSync(f.file, 'utf8').split(/\r?\n/);
      const a = utf16Column(lines[f.start.line], f.start.codePoint);
      const b = utf16Column(lines[f.end.line], f.end.codePoint);
      if (f.start.line === f.end.line) return lines[f.start.line].slice(a, b);
      // A quotation over several lines of its paragraph.
      return [lines[f.start.line].slice(a), ...lines.slice(f.start.line + 1, f.end.line), lines[f.end.line].slice(0, b)].join('\n');
    };
    for (const f of findings) {
      assert.ok(files.includes(f.file), f.file);
      assert.match(f.rule, /^(quote|figure)-[a-z-]+$/);
      assert.ok(claim(f).length > 0, `a claim at ${f.file}:${f.start.line + 1}`);
    }
    const figure = findings.find((f) => f.file === files[0] && claim(f).startsWith('78 million'));
    assert.ok(figure, 'the wrong figure of the example is found at "78 million"');
    assert.equal(figure.rule, 'figure-wrong');
    assert.match(figure.message, /87 million/);
    const astralFigure = findings.find((f) => f.file === astral && claim(f).startsWith('78 million'));
    assert.ok(astralFigure, `after two emoji the range still lands on "78 million":\n${run.stdout}`);
    assert.equal(utf16Column(ASTRAL_DRAFT.split('\n')[2], astralFigure.start.codePoint), astralFigure.start.codePoint + 2,
      'code points converted to UTF-16 units');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
