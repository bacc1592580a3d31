import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardDirectory } from './dashboard-directory';

describe('the built dashboard', () => {
  let workspace: string;
  const compiled = () => join(workspace, 'dist', 'libs', 'reports', 'src', 'dashboard');

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'dashboard-directory-'));
    writeFileSync(join(workspace, 'package.json'), '{}');
    mkdirSync(compiled(), { recursive: true });
  });

  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  it('is found under dist/apps/dashboard of the workspace, from the compiled reports app or from its source', () => {
    mkdirSync(join(workspace, 'dist', 'apps', 'dashboard'), { recursive: true });
    writeFileSync(join(workspace, 'dist', 'apps', 'dashboard', 'index.html'), '<!doctype html>');

    expect(dashboardDirectory(compiled())).toBe(join(workspace, 'dist', 'apps', 'dashboard'));
    expect(dashboardDirectory(join(workspace, 'libs', 'reports', 'src', 'dashboard'))).toBe(join(workspace, 'dist', 'apps', 'dashboard'));
  });

  it('is not there before a build', () => {
    expect(dashboardDirectory(compiled())).toBeUndefined();
  });
});
