// What the Factline status bar item says: the server's state and the open draft's findings. Free
// of the vscode module, so that tests run it under plain Node.

export type ServerState = 'starting' | 'running' | 'stopped';

// The severities of a draft's diagnostics from the live server, as LSP numbers them: 1 error,
// 2 warning, 3 information, 4 hint (VS Code's DiagnosticSeverity is 0 to 3: pass severity + 1).
export interface Counts {
  problems: number; // errors and warnings
  notes: number; // information and hints
}

export function countFindings(severities: readonly number[]): Counts {
  let problems = 0;
  let notes = 0;
  for (const s of severities) {
    if (s <= 2) problems++;
    else notes++;
  }
  return { problems, notes };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface StatusView {
  text: string; // with $(icon) codicons
  tooltip: string;
  click: 'review' | 'restart';
}

// `detail` says why the server stopped, or which binary runs.
export function statusView(state: ServerState, counts: Counts | undefined, detail = ''): StatusView {
  const more = detail ? `\n\n${detail}` : '';
  if (state === 'starting') {
    return { text: '$(sync~spin) Factline', tooltip: `Factline is starting its checker.${more}`, click: 'review' };
  }
  if (state === 'stopped') {
    return {
      text: '$(error) Factline',
      tooltip: `Factline is not checking: its checker stopped.${more}\n\nClick to restart it.`,
      click: 'restart',
    };
  }
  const c = counts ?? { problems: 0, notes: 0 };
  const review = '\n\nClick to open the review sheet.';
  if (c.problems === 0 && c.notes === 0) {
    return { text: '$(check) Factline', tooltip: `Factline found nothing to check again in this draft.${review}`, click: 'review' };
  }
  const parts: string[] = [];
  if (c.problems > 0) parts.push(`$(warning) ${c.problems}`);
  if (c.notes > 0) parts.push(`$(info) ${c.notes}`);
  const said: string[] = [];
  if (c.problems > 0) said.push(plural(c.problems, 'problem', 'problems'));
  if (c.notes > 0) said.push(plural(c.notes, 'note', 'notes'));
  return {
    text: `Factline ${parts.join(' ')}`,
    tooltip: `Factline: ${said.join(' and ')} in this draft.${review}`,
    click: 'review',
  };
}
