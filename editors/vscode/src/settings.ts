// The extension's settings: the "factline" section the server reads, and where the server binary is.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

export const SECTION = 'factline';
const EXE = process.platform === 'win32' ? 'factline.exe' : 'factline';

// The settings the server reads, in the shape it expects (README: "Settings (LSP, section
// factline)"). Built explicitly so that serverPath and trace never reach the server and
// defaults are always present.
export interface ServerSettings {
  factBases: string[];
  debounceMs: number;
  analysisTimeoutMs: number;
  unverifiedQuotes: boolean;
  unverifiedSeverity: 'information' | 'hint';
  severity: Record<string, string>;
}

export function serverSettings(scope?: vscode.ConfigurationScope): ServerSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    factBases: c.get<string[]>('factBases', []),
    debounceMs: c.get<number>('debounceMs', 30),
    analysisTimeoutMs: c.get<number>('analysisTimeoutMs', 5000),
    unverifiedQuotes: c.get<boolean>('unverifiedQuotes', true),
    unverifiedSeverity: c.get<'information' | 'hint'>('unverifiedSeverity', 'information'),
    severity: { ...c.get<Record<string, string>>('severity', {}) },
  };
}

// The fact bases of the user's own settings: the server reads these wherever they are, while
// paths from a workspace's settings (a repository's .vscode/settings.json, which anyone who
// shares the checkout can write) stay inside the workspace (README: "What a workspace setting
// can and cannot reach"). Sent once, in initializationOptions.
export function userFactBases(): string[] {
  const user = vscode.workspace.getConfiguration(SECTION).inspect<string[]>('factBases')?.globalValue;
  return Array.isArray(user) ? user.filter((p) => typeof p === 'string') : [];
}

// What the server is sent for workspace/configuration: only the settings someone actually set
// (user, workspace or folder), so that the workspace's .factline/config.json decides the rest
// (README: "Workspace configuration"). Defaults filled in here would override the file.
export function explicitServerSettings(scope?: vscode.ConfigurationScope): Partial<ServerSettings> {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const all = serverSettings(scope);
  const out: Partial<ServerSettings> = {};
  for (const key of Object.keys(all) as (keyof ServerSettings)[]) {
    const i = c.inspect(key);
    const set = [i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue].some((v) => v !== undefined);
    if (set) (out as Record<string, unknown>)[key] = all[key];
  }
  return out;
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function expandPath(p: string): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) out = out.replace(/\$\{workspaceFolder\}/g, folder);
  if (!path.isAbsolute(out) && folder) out = path.join(folder, out);
  return out;
}

type Found = { path: string; how: string } | { error: string };

// Why the bundled server cannot run on this machine (another platform, a C library too old for
// it), or undefined when `factline --version` runs. A package may lose the executable bit: set it.
export function bundledCannotRun(binary: string): string | undefined {
  try {
    if (!fs.statSync(binary).isFile()) return `${binary} is not a file`;
    if (!isExecutable(binary)) fs.chmodSync(binary, 0o755);
  } catch (e) {
    return `${binary}: ${e instanceof Error ? e.message : String(e)}`;
  }
  const run = cp.spawnSync(binary, ['--version'], { timeout: 10000, encoding: 'utf8' });
  if (run.error) return `${binary} --version: ${run.error.message}`;
  if (run.status !== 0) {
    const why = (run.stderr || run.stdout || '').trim().split('\n')[0];
    return `${binary} --version exited with ${run.status ?? run.signal}${why ? `: ${why}` : ''}`;
  }
  return undefined;
}

// factline.serverPath, else the binary bundled at server/factline when it runs here, else
// `factline` on PATH.
export function findServer(extensionPath: string): Found {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('serverPath', '');
  if (configured.trim() !== '') {
    const p = expandPath(configured);
    if (isExecutable(p)) return { path: p, how: 'factline.serverPath' };
    return {
      error:
        `Factline: the setting "factline.serverPath" is "${configured}", but ${p} is not an ` +
        'executable file. Point it at the factline binary (make build in the factline repository ' +
        'gives build/factline), or clear it to use the bundled server or `factline` on PATH.',
    };
  }
  const bundled = path.join(extensionPath, 'server', EXE);
  const cannotRun = fs.existsSync(bundled) ? bundledCannotRun(bundled) : undefined;
  if (fs.existsSync(bundled) && cannotRun === undefined) {
    return { path: bundled, how: 'bundled with the extension' };
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, EXE);
    if (isExecutable(candidate)) {
      const how = cannotRun ? `found on PATH; the bundled server cannot run here (${cannotRun})` : 'found on PATH';
      return { path: candidate, how };
    }
  }
  const bundledState = cannotRun
    ? `the bundled server cannot run on this machine (${cannotRun})`
    : 'this extension has no bundled server';
  return {
    error:
      `Factline: no factline language server found: "factline.serverPath" is not set, ${bundledState}, ` +
      'and `factline` is not on PATH. Build it (`make build` in the factline repository gives ' +
      'build/factline), then set "factline.serverPath" to its full path or put it on PATH.',
  };
}
