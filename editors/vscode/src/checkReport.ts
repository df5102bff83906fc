// The text report of `factline check`, read line by line: free of the vscode module so that the
// editor tests can run it against the real command's output.

export interface ReportLine {
  file: string;
  line: number; // 0-based
  codePoint: number; // 0-based column in Unicode code points, as the report gives it
  level: string;
  message: string;
  rule: string;
}

// One line of the text report (server/report_text.h): `path:line:col: severity: message [rule]`,
// line and column 1-based, the column in characters (code points). Other lines (the summary) give
// undefined.
export function parseReportLine(text: string): ReportLine | undefined {
  const m = /^(.+):(\d+):(\d+): (error|warning|information|hint): (.*?)(?: \[([a-z0-9-]+)\])?$/.exec(text);
  if (!m || !m[1] || !m[2] || !m[3] || !m[4] || m[5] === undefined) return undefined;
  return {
    file: m[1],
    line: Number(m[2]) - 1,
    codePoint: Number(m[3]) - 1,
    level: m[4],
    message: m[5],
    rule: m[6] ?? 'factline',
  };
}

// The report gives a start only: the claim is taken to run to the end of the word there. The
// column is converted from code points to the UTF-16 code units VS Code (and JavaScript) count.
export function utf16Columns(lineText: string, codePoint: number): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < codePoint && start < lineText.length; i++) {
    const c = lineText.codePointAt(start) ?? 0;
    start += c > 0xffff ? 2 : 1;
  }
  const word = /^[“”"'‘’«]?[^\s]*/u.exec(lineText.slice(start))?.[0] ?? '';
  return { start, end: start + Math.max(word.length, 1) };
}
