// The VS Code extension's "Check Whole Workspace" reads the text report of `factline check`: this
// runs the real command on the example drafts and on a draft with astral characters before its
// claims, and reads the report with the extension's own compiled parser (checkReport.js).
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
const { parseReportLine, utf16Columns } = require(path.join(VSCODE_OUT, 'checkReport.js'));

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
    const run = spawnSync(SERVER, ['check', '--fail-on', 'none', '--no-color', ...files], {
      cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(run.status, 0, `factline check exit status; stderr: ${run.stderr}`);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    const summary = lines.at(-1);
    const counts = /(\d+) errors?, (\d+) warnings?, (\d+) information, (\d+) hints?/.exec(summary);
    assert.ok(counts, `summary line: ${summary}`);
    const total = counts.slice(1).reduce((a, n) => a + Number(n), 0);

    const findings = lines.map(parseReportLine).filter(Boolean);
    assert.equal(findings.length, total, `every finding line is read:\n${run.stdout}`);
    assert.equal(parseReportLine(summary), undefined, 'the summary is not a finding');
    for (const f of findings) {
      assert.ok(files.includes(f.file), f.file);
      assert.match(f.rule, /^(quote|figure)-[a-z-]+$/);
      const lineText = fs.readFileSync(f.file, 'utf8').split(/\r?\n/)[f.line];
      assert.ok(lineText !== undefined, `line ${f.line + 1} of ${f.file}`);
      const { start, end } = utf16Columns(lineText, f.codePoint);
      assert.ok(start < lineText.length && end > start && end <= lineText.length, `${start}-${end} in ${lineText}`);
    }
    const at = (file, needle) => findings.find((f) => {
      if (f.file !== file) return false;
      const lineText = fs.readFileSync(f.file, 'utf8').split(/\r?\n/)[f.line];
      return lineText.slice(utf16Columns(lineText, f.codePoint).start).startsWith(needle);
    });
    const hearing = files[0];
    const figure = at(hearing, '78 million');
    assert.ok(figure, 'the wrong figure of the example is found at "78 million"');
    assert.equal(figure.rule, 'figure-wrong');
    assert.match(figure.message, /87 million/);
    const astralFigure = at(astral, '78 million');
    assert.ok(astralFigure, `after two emoji the column still lands on "78 million":\n${run.stdout}`);
    assert.equal(astralFigure.codePoint + 2, utf16Columns(ASTRAL_DRAFT.split('\n')[2], astralFigure.codePoint).start,
      'code points converted to UTF-16 units');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
