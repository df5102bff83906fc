// The JSON report of `factline check --format json`, read into findings with VS Code's columns:
// free of the vscode module so that the editor tests can run it against the real command's output.

export interface ReportPoint {
  line: number; // 0-based
  codePoint: number; // 0-based column in Unicode code points, as the report gives it
}

export interface ReportFinding {
  file: string; // as the report names it: relative to the directory `check` ran in, or absolute
  start: ReportPoint;
  end: ReportPoint;
  level: string; // error, warning, information or hint
  status: string;
  message: string;
  rule: string;
}

interface JsonPoint {
  line: number;
  column: number;
}

interface JsonFinding {
  rule: string;
  status: string;
  severity: string | null;
  message: string;
  range: { start: JsonPoint; end: JsonPoint };
}

interface JsonReport {
  factline: number;
  files: { path: string; findings: JsonFinding[] }[];
}

// Every finding with a severity (verified claims have none and are left out), in report order.
// Throws an Error saying what is wrong when the text is not a Factline JSON report.
export function parseJsonReport(text: string): ReportFinding[] {
  let report: JsonReport;
  try {
    report = JSON.parse(text) as JsonReport;
  } catch (e) {
    throw new Error(`factline check did not print a JSON report: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (report?.factline !== 1 || !Array.isArray(report.files))
    throw new Error('factline check printed JSON that is not a version 1 Factline report');
  const out: ReportFinding[] = [];
  for (const file of report.files)
    for (const f of file.findings) {
      if (f.severity === null) continue;
      out.push({
        file: file.path,
        start: { line: f.range.start.line - 1, codePoint: f.range.start.column - 1 },
        end: { line: f.range.end.line - 1, codePoint: f.range.end.column - 1 },
        level: f.severity,
        status: f.status,
        message: f.message,
        rule: f.rule,
      });
    }
  return out;
}

// A column in code points converted to the UTF-16 code units VS Code (and JavaScript) count.
export function utf16Column(lineText: string, codePoint: number): number {
  let units = 0;
  for (let i = 0; i < codePoint && units < lineText.length; i++) {
    const c = lineText.codePointAt(units) ?? 0;
    units += c > 0xffff ? 2 : 1;
  }
  return units;
}
