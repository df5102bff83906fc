// The fact ids the server names for a claim, read from its diagnostics' data and its hover: free
// of the vscode module so that the editor tests can run it against the real server's answers.

// Fact ids in a diagnostic's data: string values under keys like "id", "factId", "fact_id".
export function idsInData(data: unknown, out: string[] = []): string[] {
  if (Array.isArray(data)) {
    for (const x of data) idsInData(x, out);
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
      if (typeof v === 'string' && /^(id|.*Id|.*_id)$/.test(k) && !out.includes(v)) out.push(v);
      else idsInData(v, out);
    }
  }
  return out;
}

// Ids the hover names on its "Entry:" lines (server/record_render.cc: "- Entry: `f-users-affected`").
export function idsInMarkdown(markdown: string, out: string[] = []): string[] {
  for (const m of markdown.matchAll(/Entry:\s*(`+)\s*([^`]+?)\s*\1/g)) {
    const id = m[2];
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}
