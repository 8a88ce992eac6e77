/**
 * Every IPC channel the main process answers, driven through a stand-in for Electron:
 * a sender outside the app origin is refused before any dialog, file or shell call,
 * and a trusted sender still cannot push an unsafe link or a malformed request through.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { platformChannels } from '../../shared/platform/channels';
import { registerIpcHandlers } from '../../electron/ipc';

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  ipcMainOn: vi.fn(),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
  openExternal: vi.fn(async (_url: string) => {}),
}));

vi.mock('electron', () => ({
  app: {
    getName: () => 'Governance Cockpit',
    getVersion: () => '0.1.0',
    getPath: (name: string) => `/home/lead/${name}`,
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
};

/** As Electron does: whatever the handler throws, synchronously or not, the caller gets a rejection. */
function handlerFor(channel: string) {
  const handler = electron.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return (event: unknown, ...args: unknown[]) => Promise.resolve().then(() => handler(event, ...args));
}

beforeEach(() => {
  electron.handlers.clear();
  vi.clearAllMocks();
  registerIpcHandlers();
});

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
    });
  });

  it('answers the app origin', async () => {
    await expect(handlerFor(platformChannels.getAppInfo)(trusted)).resolves.toMatchObject({
      name: 'Governance Cockpit',
      host: 'desktop',
      dataLocation: '/home/lead/userData',
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
});
