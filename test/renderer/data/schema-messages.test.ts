/**
 * The full-page messages the start-up shows instead of the app when the workspace cannot
 * be used as stored. A failing upgrade cannot be staged in the built app, so its page is
 * checked here, rendered as React renders it; the failure itself is proven in
 * schema-upgrades.test.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WorkspaceStatusPage, type WorkspaceStatus } from '../../../renderer/app/WorkspaceStatusPage';

function textOf(status: WorkspaceStatus): string {
  return renderToStaticMarkup(createElement(WorkspaceStatusPage, { status }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('WorkspaceStatusPage', () => {
  it('names the error, the pre-upgrade backup and what to do when an upgrade failed', () => {
    const text = textOf({
      kind: 'upgrade-failed',
      storedVersion: 1,
      appVersion: 2,
      error: 'cannot upgrade risk 9e142287',
      preUpgradeBackup: 'cockpit-auto-2026-11-21-100000-before-upgrade-from-v1.json',
    });
    expect(text).toContain('The workspace could not be upgraded');
    expect(text).toContain('from schema version 1 to 2 failed');
    expect(text).toContain('The error was: cannot upgrade risk 9e142287');
    expect(text).toContain('cockpit-auto-2026-11-21-100000-before-upgrade-from-v1.json');
    expect(text).toContain('keep using the previous version of Governance Cockpit');
    expect(text).toContain('send this backup file');
    expect(text).toContain('Reload');
  });

  it('says the workspace is untouched when the copy before an upgrade could not be written', () => {
    const text = textOf({ kind: 'backup-failed', storedVersion: 1, appVersion: 2, error: 'The disk is full' });
    expect(text).toContain('The workspace was not upgraded');
    expect(text).toContain('The error was: The disk is full');
    expect(text).toContain('the upgrade did not start');
  });

  it('asks to close or reload the other window while an upgrade waits for it, with no button to press here', () => {
    const html = renderToStaticMarkup(createElement(WorkspaceStatusPage, { status: { kind: 'blocked' } }));
    expect(html).toContain('Close or reload that window');
    expect(html).not.toContain('<button');
  });
});
