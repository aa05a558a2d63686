// Runs one of the project's command-line scripts (scripts/*.ts) as a user would, through tsx: its exit
// status and what it printed (stdout, then stderr).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function runScript(script: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], { cwd: path.resolve('.') });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}
