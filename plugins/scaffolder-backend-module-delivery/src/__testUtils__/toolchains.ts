import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/** Absolute path of `bin` on PATH, or undefined. */
export function which(bin: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Environment for running Groovy: Debian's `groovy` script needs JAVA_HOME when
 * /usr/lib/jvm/default-java is absent (a JRE other than default-jre-headless installed).
 */
export function javaEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (!env.JAVA_HOME && !existsSync('/usr/lib/jvm/default-java/bin/java')) {
    const java = which('java');
    if (java) {
      const real = execFileSync('readlink', ['-f', java], {
        encoding: 'utf8',
      }).trim();
      env.JAVA_HOME = dirname(dirname(real));
    }
  }
  return env;
}

/** Writes `files` (path -> content) into a fresh temporary directory. */
export function writeTree(files: Record<string, string>, prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Runs a command; resolves with its output, throws with stdout+stderr on failure. */
export function sh(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): string {
  const r = spawnSync(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 120_000,
  });
  if (r.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${
        r.stdout
      }\n${r.stderr}`,
    );
  }
  return `${r.stdout}${r.stderr}`;
}
