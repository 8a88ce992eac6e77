import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/platform/channels';
import { buildMenuTemplate } from '../../electron/menu-template';

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function itemLabelled(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((candidate) => candidate.label === label);
  if (item === undefined) throw new Error(`no item ${label}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  // The click handlers ignore their arguments, so placeholders are enough here.
  (item.click as () => void)();
}

const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  it.each([
    ['New Engagement', 'CmdOrCtrl+N', 'new-engagement'],
    ['Import Workspace…', 'CmdOrCtrl+O', 'import-workspace'],
    ['Export Workspace…', 'CmdOrCtrl+Shift+E', 'export-workspace'],
  ] as const)('File > %s has %s and sends %s', (label, accelerator, command) => {
    const sendCommand = vi.fn<(command: MenuCommand) => void>();
    const item = itemLabelled(submenuOf(buildMenuTemplate('win32', sendCommand, true), 'File'), label);

    expect(item.accelerator).toBe(accelerator);
    click(item);
    expect(sendCommand).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('ends File with quit on Windows and Linux, and with close on macOS', () => {
    const noop = () => {};
    for (const platform of ['win32', 'linux'] as const) {
      expect(submenuOf(buildMenuTemplate(platform, noop, true), 'File').at(-1)?.role).toBe('quit');
    }
    expect(submenuOf(buildMenuTemplate('darwin', noop, true), 'File').at(-1)?.role).toBe('close');
  });

  it('adds the macOS app menu, with quit, only on macOS', () => {
    const noop = () => {};
    const mac = buildMenuTemplate('darwin', noop, true);
    expect(mac[0]?.label).toBe('Governance Cockpit');
    expect(roles(submenuOf(mac, 'Governance Cockpit'))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(buildMenuTemplate('linux', noop, true).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('offers the standard editing roles', () => {
    expect(
      roles(
        submenuOf(
          buildMenuTemplate('linux', () => {}, true),
          'Edit',
        ),
      ),
    ).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('shows developer tools only in unpackaged builds', () => {
    const view = (isPackaged: boolean) =>
      roles(
        submenuOf(
          buildMenuTemplate('linux', () => {}, isPackaged),
          'View',
        ),
      );
    expect(view(true)).not.toContain('toggleDevTools');
    expect(view(false)).toContain('toggleDevTools');
    expect(view(true)).toEqual(['reload', 'forceReload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('has an About item in Help on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const about = itemLabelled(
        submenuOf(
          buildMenuTemplate(platform, () => {}, true),
          'Help',
        ),
        'About Governance Cockpit',
      );
      expect(about.role).toBe('about');
    }
  });
});
