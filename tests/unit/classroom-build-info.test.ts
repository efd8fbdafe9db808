/** What a citation names of the build: its date, version and commit, with a graceful fall-back off git. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommit, buildDate, buildInfo } from '../../src/data/build-info';

describe('build info', () => {
  it('takes the commit from the environment when CI gives one', () => {
    expect(buildCommit({ GIT_COMMIT: '0CF9E26AB12' }, '/nonexistent')).toBe('0cf9e26');
    expect(buildCommit({ GITHUB_SHA: 'a'.repeat(40) }, '/nonexistent')).toBe('aaaaaaa');
  });

  it('has no commit outside a git work tree (a build from a tarball), rather than failing', () => {
    expect(buildCommit({}, mkdtempSync(join(tmpdir(), 'ox-tarball-')))).toBeUndefined();
  });

  it('does not cite a parent repository’s commit for a folder inside it', () => {
    expect(buildCommit({}, join(process.cwd(), 'content'))).toBeUndefined();
  });

  it('dates the build by SOURCE_DATE_EPOCH when set (reproducible builds), else now', () => {
    expect(buildDate({ SOURCE_DATE_EPOCH: '1769990400' }).toISOString()).toBe('2026-02-02T00:00:00.000Z');
    const now = new Date('2026-11-29T12:00:00Z');
    expect(buildDate({}, now)).toBe(now);
  });

  it('reads the version from package.json', () => {
    expect(buildInfo().version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
