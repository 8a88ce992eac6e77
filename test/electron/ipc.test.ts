/**
 * Every IPC channel the main process answers, driven through a stand-in for Electron:
 * a sender outside the app origin is refused before any dialog, file or shell call,
 * and a trusted sender still cannot push an unsafe link or a malformed request through.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { platformChannels } from '../../shared/platform/channels';
import { registerIpcHandlers } from '../../electron/ipc';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  ipcMainOn: vi.fn(),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  openExternal: vi.fn(async (_url: string) => {}),
  userData: '/home/lead/userData',
  encryptionAvailable: true,
}));

vi.mock('electron', () => ({
  app: {
    getName: () => 'Governance Cockpit',
    getVersion: () => '0.1.0',
    getPath: (name: string) => (name === 'userData' ? electron.userData : `/home/lead/${name}`),
    on: vi.fn(),
  },
  BrowserWindow: { fromWebContents: () => null },
  dialog: { showSaveDialog: electron.showSaveDialog, showOpenDialog: electron.showOpenDialog },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => electron.handlers.set(channel, handler),
    on: electron.ipcMainOn,
  },
  session: { defaultSession: {} },
  shell: { openExternal: electron.openExternal },
  // Stands in for the OS keychain: reversible, but visibly not plain text.
  safeStorage: {
    isEncryptionAvailable: () => electron.encryptionAvailable,
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  },
}));

const trusted = { sender: {}, senderFrame: { url: 'app://governance-cockpit/index.html#/risks' } };
const untrustedEvents = [
  ['a remote page', { sender: {}, senderFrame: { url: 'https://evil.example/' } }],
  ['a look-alike host', { sender: {}, senderFrame: { url: 'app://governance-cockpit.evil.example/index.html' } }],
  ['a file page', { sender: {}, senderFrame: { url: 'file:///home/lead/evil.html' } }],
  ['the dev server', { sender: {}, senderFrame: { url: 'http://localhost:5173/' } }],
  ['a vanished frame', { sender: {}, senderFrame: null }],
] as const;

const validArguments: Record<keyof typeof platformChannels, unknown[]> = {
  saveFile: [{ suggestedName: 'workspace.json', filters: [], content: '{}' }],
  openFile: [{ filters: [] }],
  getAppInfo: [],
  openExternal: [{ url: 'https://example.com/' }],
  printPack: [
    {
      engagementId: 'e2b6f7a0-5a43-4f0e-9a55-0d1c6b3f2a11',
      checkpointId: 'c9d0e1f2-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
      version: null,
      paper: 'a4',
      suggestedName: 'Northwind-2026-11-04-checkpoint-draft.pdf',
    },
  ],
  reportPrintReady: [{ ok: true, message: '' }],
  listBackups: [],
  readBackup: [{ name: 'cockpit-auto-2026-11-21-090000.json' }],
  writeBackup: [{ name: 'cockpit-auto-2026-11-21-090000.json', text: '{}' }],
  removeBackup: [{ name: 'cockpit-auto-2026-11-21-090000.json' }],
  passphraseStorageStatus: [],
  rememberPassphrase: [{ passphrase: 'correct horse battery staple' }],
  recallPassphrase: [],
  forgetPassphrase: [],
};

/** As Electron does: whatever the handler throws, synchronously or not, the caller gets a rejection. */
function handlerFor(channel: string) {
  const handler = electron.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return (event: unknown, ...args: unknown[]) => Promise.resolve().then(() => handler(event, ...args));
}

let userData: string;

beforeEach(() => {
  electron.handlers.clear();
  vi.clearAllMocks();
  // A real, empty data folder per test, so refused requests can be shown to have written nothing.
  userData = mkdtempSync(path.join(tmpdir(), 'cockpit-ipc-'));
  electron.userData = userData;
  electron.encryptionAvailable = true;
  registerIpcHandlers();
});

afterEach(() => {
  rmSync(userData, { recursive: true, force: true });
});

/** Every file under the data folder, relative to it. */
function filesInUserData(): string[] {
  return readdirSync(userData, { recursive: true, encoding: 'utf8' }).sort();
}

describe('registerIpcHandlers', () => {
  it('answers exactly the channels of the platform contract, all as invoke handlers', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(Object.values(platformChannels).sort());
    expect(electron.ipcMainOn).not.toHaveBeenCalled();
  });

  describe.each(Object.entries(platformChannels))('%s', (method, channel) => {
    it.each(untrustedEvents)('refuses %s before doing anything', async (_name, event) => {
      await expect(handlerFor(channel)(event, ...validArguments[method as keyof typeof platformChannels])).rejects.toThrow(
        'Refused an IPC request from a frame outside the app.',
      );
      expect(electron.showSaveDialog).not.toHaveBeenCalled();
      expect(electron.showOpenDialog).not.toHaveBeenCalled();
      expect(electron.openExternal).not.toHaveBeenCalled();
      expect(filesInUserData()).toEqual([]);
    });
  });

  it('answers the app origin', async () => {
    await expect(handlerFor(platformChannels.getAppInfo)(trusted)).resolves.toMatchObject({
      name: 'Governance Cockpit',
      host: 'desktop',
      dataLocation: userData,
    });
    await expect(handlerFor(platformChannels.saveFile)(trusted, ...validArguments.saveFile)).resolves.toEqual({ status: 'cancelled' });
    expect(electron.showSaveDialog).toHaveBeenCalledOnce();
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'http://example.com/', 'smb://server/share', 'https://user:pw@example.com/'])(
    'will not open %s outside the app, even for the app origin',
    async (url) => {
      await expect(handlerFor(platformChannels.openExternal)(trusted, { url })).rejects.toThrow('The link was refused');
      expect(electron.openExternal).not.toHaveBeenCalled();
    },
  );

  it('opens an https link for the app origin', async () => {
    await handlerFor(platformChannels.openExternal)(trusted, { url: 'https://example.com/guide' });
    expect(electron.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/guide');
  });

  it('refuses malformed requests from the app origin before opening a dialog', async () => {
    await expect(
      handlerFor(platformChannels.saveFile)(trusted, { suggestedName: '../../.bashrc', filters: [], content: '' }),
    ).rejects.toThrow('Invalid saveFile request');
    await expect(handlerFor(platformChannels.getAppInfo)(trusted, 'extra')).rejects.toThrow('getAppInfo takes no arguments.');
    expect(electron.showSaveDialog).not.toHaveBeenCalled();
  });

  describe('pack printing', () => {
    it('asks where to save a pack and stops there when the dialog is cancelled', async () => {
      await expect(handlerFor(platformChannels.printPack)(trusted, ...validArguments.printPack)).resolves.toEqual({ status: 'cancelled' });
      expect(electron.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
        expect.objectContaining({ filters: [{ name: 'PDF document', extensions: ['pdf'] }] }),
      );
    });

    it.each([
      ['a path as the file name', { suggestedName: '../pack.pdf' }],
      ['an unknown paper size', { paper: 'a3' }],
      ['a version of 0', { version: 0 }],
      ['an extra field', { url: 'https://evil.example/' }],
    ])('refuses %s before opening a dialog', async (_name, change) => {
      await expect(
        handlerFor(platformChannels.printPack)(trusted, { ...(validArguments.printPack[0] as object), ...change }),
      ).rejects.toThrow('Invalid printPack request');
      expect(electron.showSaveDialog).not.toHaveBeenCalled();
    });

    it('ignores a ready signal when no pack is printing, and refuses a malformed one', async () => {
      await expect(handlerFor(platformChannels.reportPrintReady)(trusted, { ok: true, message: '' })).resolves.toBeUndefined();
      await expect(handlerFor(platformChannels.reportPrintReady)(trusted, { ok: 'yes', message: '' })).rejects.toThrow(
        'Invalid reportPrintReady request',
      );
      await expect(handlerFor(platformChannels.reportPrintReady)(trusted)).rejects.toThrow('reportPrintReady takes exactly one argument.');
    });
  });

  describe('automatic backups', () => {
    const name = 'cockpit-auto-2026-11-21-090000.encrypted.json';

    it('writes, lists, reads and removes backups in the backups folder of userData', async () => {
      await handlerFor(platformChannels.writeBackup)(trusted, { name, text: 'sealed backup' });
      await handlerFor(platformChannels.writeBackup)(trusted, { name: `${name}.summary.json`, text: '{"counts":{}}' });
      expect(readFileSync(path.join(userData, 'backups', name), 'utf8')).toBe('sealed backup');
      await expect(handlerFor(platformChannels.listBackups)(trusted)).resolves.toEqual(
        expect.arrayContaining([
          { name, size: 13 },
          { name: `${name}.summary.json`, size: 13 },
        ]),
      );
      await expect(handlerFor(platformChannels.readBackup)(trusted, { name })).resolves.toBe('sealed backup');
      await handlerFor(platformChannels.removeBackup)(trusted, { name });
      expect(filesInUserData()).toEqual(['backups', path.join('backups', `${name}.summary.json`)]);
    });

    it.each([
      '../Preferences',
      '../../.bashrc',
      '/etc/passwd',
      'backups/cockpit-auto-2026-11-21-090000.json',
      '..\\cockpit-auto-2026-11-21-090000.json',
      'cockpit-auto-2026-11-21-090000.json/../../x',
      'governance-cockpit-2026-11-21.json',
      'backup-passphrase.bin',
      'cockpit-auto-2026-11-21-090000.json.tmp',
      '',
    ])('refuses the name %j before touching the disk', async (badName) => {
      for (const [channel, args] of [
        [platformChannels.readBackup, [{ name: badName }]],
        [platformChannels.writeBackup, [{ name: badName, text: 'x' }]],
        [platformChannels.removeBackup, [{ name: badName }]],
      ] as const) {
        await expect(handlerFor(channel)(trusted, ...args)).rejects.toThrow(/Invalid (read|write|remove)Backup request/);
      }
      expect(filesInUserData()).toEqual([]);
    });

    it('refuses extra fields and extra arguments', async () => {
      await expect(handlerFor(platformChannels.writeBackup)(trusted, { name, text: 'x', path: '/tmp/x' })).rejects.toThrow(
        'Invalid writeBackup request',
      );
      await expect(handlerFor(platformChannels.listBackups)(trusted, '/etc')).rejects.toThrow('listBackups takes no arguments.');
      expect(filesInUserData()).toEqual([]);
    });

    it('lists only automatic backups, not the temporary files of an interrupted write or anything else', async () => {
      await handlerFor(platformChannels.writeBackup)(trusted, { name, text: 'kept' });
      writeFileSync(path.join(userData, 'backups', `.${name}.0f1e.tmp`), 'half');
      writeFileSync(path.join(userData, 'backups', 'notes.txt'), 'mine');
      await expect(handlerFor(platformChannels.listBackups)(trusted)).resolves.toEqual([{ name, size: 4 }]);
    });
  });

  describe('remembered passphrase', () => {
    it('keeps the passphrase only in its keychain-encrypted form, and recalls and forgets it', async () => {
      await expect(handlerFor(platformChannels.passphraseStorageStatus)(trusted)).resolves.toEqual({ available: true, remembered: false });
      await handlerFor(platformChannels.rememberPassphrase)(trusted, { passphrase: 'correct horse battery staple' });
      const stored = readFileSync(path.join(userData, 'backup-passphrase.bin'), 'utf8');
      expect(stored).not.toContain('correct horse');
      expect(stored.startsWith('sealed:')).toBe(true);
      await expect(handlerFor(platformChannels.recallPassphrase)(trusted)).resolves.toBe('correct horse battery staple');
      await handlerFor(platformChannels.forgetPassphrase)(trusted);
      await expect(handlerFor(platformChannels.recallPassphrase)(trusted)).resolves.toBeNull();
      expect(filesInUserData()).toEqual([]);
    });

    it('refuses to remember when the keychain cannot encrypt, and writes nothing', async () => {
      electron.encryptionAvailable = false;
      await expect(
        handlerFor(platformChannels.rememberPassphrase)(trusted, { passphrase: 'correct horse battery staple' }),
      ).rejects.toThrow('cannot encrypt');
      await expect(handlerFor(platformChannels.passphraseStorageStatus)(trusted)).resolves.toMatchObject({ available: false });
      expect(filesInUserData()).toEqual([]);
    });

    it('refuses a malformed passphrase request', async () => {
      await expect(handlerFor(platformChannels.rememberPassphrase)(trusted, { passphrase: '' })).rejects.toThrow(
        'Invalid rememberPassphrase request',
      );
      await expect(handlerFor(platformChannels.recallPassphrase)(trusted, 'x')).rejects.toThrow('recallPassphrase takes no arguments.');
    });
  });
});
