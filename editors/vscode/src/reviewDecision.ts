// "Mark as reviewed…": the decisions a writer can pick and the command arguments they make.
// Pure (no vscode import), so the protocol tests load it as the extension runs it.

export const MARK_REVIEWED = 'factline.markReviewed';

export interface ReviewChoice {
  label: string;
  decision: 'fixed' | 'overruled';
  reason?: string;
  needsWhy: boolean;
}

// The same choices the server offers editors that cannot ask for free text, plus one that can.
export const REVIEW_CHOICES: ReviewChoice[] = [
  { label: 'Fixed', decision: 'fixed', needsWhy: false },
  { label: 'Overruled: the record is incomplete', decision: 'overruled', reason: 'record-incomplete', needsWhy: false },
  { label: "Overruled: the outlet's transcription differs", decision: 'overruled', reason: 'transcription-differs', needsWhy: false },
  { label: 'Overruled: the quote is from another moment', decision: 'overruled', reason: 'other-moment', needsWhy: false },
  { label: 'Overruled: another reason…', decision: 'overruled', reason: 'other', needsWhy: true },
];

// The command's arguments with the writer's decision in them: the server then records it
// without asking again. Undefined when the arguments are not the code action's.
export function decisionArguments(
  args: unknown[],
  choice: ReviewChoice,
  why: string,
  by: string,
): unknown[] | undefined {
  const first = args[0];
  if (args.length !== 1 || typeof first !== 'object' || first === null) return undefined;
  const out: Record<string, unknown> = { ...(first as Record<string, unknown>), decision: choice.decision };
  if (choice.reason) out.reason = choice.reason;
  if (why.trim()) out.why = why.trim();
  if (by.trim()) out.by = by.trim();
  return [out];
}

// The finding's message, for the question.
export function findingMessage(args: unknown[]): string {
  const first = args[0] as Record<string, unknown> | undefined;
  return typeof first?.message === 'string' ? first.message : '';
}
