import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** What identifies the build a reader sees: when it was made, the site's version and, when known, its commit. */
export interface BuildInfo {
  readonly date: Date;
  readonly version: string;
  readonly commit: string | undefined;
}

/**
 * The commit the build comes from: `GIT_COMMIT` (or a CI's own variable) when set, else asked of git, but only
 * when the project root is itself the top of a git work tree (a build from a tarball unpacked inside another
 * repository must not cite that repository's commit). Without either, there is none, and citations say so by
 * leaving it out.
 */
export function buildCommit(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): string | undefined {
  const fromEnv = env['GIT_COMMIT'] ?? env['GITHUB_SHA'] ?? env['CI_COMMIT_SHA'];
  if (fromEnv && /^[0-9a-f]{7,40}$/i.test(fromEnv)) return fromEnv.slice(0, 7).toLowerCase();
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5_000 }).trim();
    if (resolve(git('rev-parse', '--show-toplevel')) !== resolve(root)) return undefined;
    const sha = git('rev-parse', '--short=7', 'HEAD');
    return /^[0-9a-f]{7,40}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The build date: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention) when set, else now.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
}

let cached: BuildInfo | undefined;

/** Read once per build: package.json's version, the date and the commit. */
export function buildInfo(root = process.cwd()): BuildInfo {
  if (!cached) {
    const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version?: string };
    if (!version) throw new Error('package.json has no "version": citations need one.');
    cached = { date: buildDate(), version, commit: buildCommit(process.env, root) };
  }
  return cached;
}
