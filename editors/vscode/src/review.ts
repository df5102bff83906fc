// "Mark as reviewed…" in VS Code: asks with a quick pick and an input box (free text, which the
// server's own question cannot take), has the server record the decision, then saves
// .factline/reviews.json, which the server's edit leaves unsaved (it never writes files itself).
import * as vscode from 'vscode';
import { ExecuteCommandSignature } from 'vscode-languageclient/node';

import { decisionArguments, findingMessage, MARK_REVIEWED, REVIEW_CHOICES } from './reviewDecision';

function reviewer(): string {
  return vscode.workspace.getConfiguration('factline').get<string>('reviewer', '');
}

async function saveDecisionsFile(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments)
    if (doc.isDirty && doc.uri.path.endsWith('/.factline/reviews.json')) await doc.save();
}

// Middleware for workspace/executeCommand: every other command goes on as it came.
export async function executeCommand(
  command: string,
  args: unknown[],
  next: ExecuteCommandSignature,
): Promise<unknown> {
  if (command !== MARK_REVIEWED) return next(command, args);
  const message = findingMessage(args);
  const choice = await vscode.window.showQuickPick(
    REVIEW_CHOICES.map((c) => ({ label: c.label, choice: c })),
    { title: 'Factline: mark as reviewed', placeHolder: message || 'What was decided?' },
  );
  if (!choice) return undefined;
  const why = await vscode.window.showInputBox({
    title: 'Factline: ' + choice.label,
    prompt: choice.choice.needsWhy ? 'Why (required)' : 'Why (optional)',
    validateInput: (v) => (choice.choice.needsWhy && !v.trim() ? 'Say why' : undefined),
  });
  if (why === undefined) return undefined;
  const full = decisionArguments(args, choice.choice, why, reviewer());
  if (!full) return next(command, args);
  const result = await next(command, full);
  await saveDecisionsFile();
  return result;
}
