/**
 * Static guards on the Electron shell's security settings: they fail the build if
 * someone relaxes a web preference, widens the bridge or drops a fuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/platform/csp';

const projectRoot = path.resolve(import.meta.dirname, '../..');
const electronDir = path.join(projectRoot, 'electron');
const read = (relative: string) => readFileSync(path.join(projectRoot, relative), 'utf8');

/** Comments explain what the code must not do, so they are left out of the checks. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const electronSources = readdirSync(electronDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, source: withoutComments(readFileSync(path.join(electronDir, name), 'utf8')) }));

const rendererSources = readdirSync(path.join(projectRoot, 'renderer'), { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(ts|tsx|html)$/.test(name))
  .map((name) => ({ name, source: withoutComments(readFileSync(path.join(projectRoot, 'renderer', name), 'utf8')) }));

describe('main window web preferences', () => {
  const windowSource = read('electron/window.ts');

  it.each([
    'contextIsolation: true',
    'sandbox: true',
    'nodeIntegration: false',
    'nodeIntegrationInWorker: false',
    'nodeIntegrationInSubFrames: false',
    'webSecurity: true',
    'allowRunningInsecureContent: false',
    'experimentalFeatures: false',
    'webviewTag: false',
    'devTools: !app.isPackaged',
    'loadURL(APP_ENTRY_URL)',
  ])('window.ts sets %s', (setting) => {
    expect(windowSource).toContain(setting);
  });
});

describe('electron/ sources', () => {
  it('include the files this test guards', () => {
    expect(electronSources.map((file) => file.name)).toEqual(
      expect.arrayContaining(['main.ts', 'preload.ts', 'window.ts', 'security.ts', 'protocol.ts', 'ipc.ts']),
    );
  });

  it.each([
    /nodeIntegration\s*:\s*true/,
    /nodeIntegrationInWorker\s*:\s*true/,
    /contextIsolation\s*:\s*false/,
    /sandbox\s*:\s*false/,
    /webSecurity\s*:\s*false/,
    /allowRunningInsecureContent\s*:\s*true/,
    /nodeIntegrationInSubFrames\s*:\s*true/,
    /experimentalFeatures\s*:\s*true/,
    /enableBlinkFeatures/,
    /exposeInMainWorld\(\s*['"]ipcRenderer/,
    /loadFile\(|file:\/\//,
    /webviewTag\s*:\s*true/,
    /allowpopups/i,
    /disable-?web-?security/i,
    /setPermissionRequestHandler\(\s*null/,
  ])('never contain %s', (forbidden) => {
    const offenders = electronSources.filter((file) => forbidden.test(file.source)).map((file) => file.name);
    expect(offenders).toEqual([]);
  });

  it('call shell.openExternal in one place only, behind the https/mailto check', () => {
    const shellUsers = electronSources.filter((file) => /\bshell\b/.test(file.source)).map((file) => file.name);
    expect(shellUsers).toEqual(['external-links.ts']);
    const externalLinks = electronSources.find((file) => file.name === 'external-links.ts')?.source ?? '';
    expect(externalLinks.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(externalLinks).toMatch(/if \(!isSafeExternalUrl\(url\)\) return false;\s*await shell\.openExternal\(new URL\(url\)\.href\);/);
  });

  it('answer IPC only in ipc.ts, and check the sender first in every handler', () => {
    const ipcUsers = electronSources.filter((file) => /\bipcMain\b/.test(file.source)).map((file) => file.name);
    expect(ipcUsers).toEqual(['ipc.ts']);
    const ipc = electronSources.find((file) => file.name === 'ipc.ts')?.source ?? '';
    // invoke only: ipcMain.on/once listeners would need their own sender checks.
    expect(ipc).not.toMatch(/ipcMain\.(on|once|addListener|handleOnce)\(/);
    const registrations = ipc.match(/ipcMain\.handle\(/g) ?? [];
    const checkedRegistrations = ipc.match(/ipcMain\.handle\([^,]+,\s*\(event[^)]*\)\s*=>\s*\{\s*assertTrustedSender\(event\);/g) ?? [];
    expect(registrations.length).toBeGreaterThan(0);
    expect(checkedRegistrations).toHaveLength(registrations.length);
  });

  it('sandbox every renderer and install the security handlers before any window or IPC exists', () => {
    const main = withoutComments(read('electron/main.ts'));
    expect(main).toMatch(/^app\.enableSandbox\(\);$/m);
    const start = main.slice(main.indexOf('async function start()'));
    const order = ['registerAppProtocol()', 'installSecurityHandlers()', 'registerIpcHandlers()', 'openMainWindow()'].map((call) =>
      start.indexOf(call),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('register the app scheme as standard and secure, so its origin can hold IndexedDB', () => {
    expect(read('electron/main.ts')).toMatch(
      /registerSchemesAsPrivileged\(\[\s*\{\s*scheme: APP_SCHEME,\s*privileges: \{ standard: true, secure: true,/,
    );
  });
});

describe('renderer/ sources', () => {
  it('are there to check', () => {
    expect(rendererSources.map((file) => file.name)).toEqual(expect.arrayContaining(['index.html', 'main.tsx']));
  });

  it.each([/<webview/i, /allowpopups/i, /from ['"]electron['"]|require\(['"]electron['"]\)/, /\beval\(|new Function\(/])(
    'never contain %s',
    (forbidden) => {
      const offenders = rendererSources.filter((file) => forbidden.test(file.source)).map((file) => file.name);
      expect(offenders).toEqual([]);
    },
  );
});

describe('preload bridge', () => {
  const preload = withoutComments(read('electron/preload.ts'));
  const withoutImports = preload.replace(/^import[\s\S]*?from\s+'[^']+';$/gm, '');

  it('exposes exactly one object, window.cockpit', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('cockpit', api)");
  });

  it('only ever calls methods on ipcRenderer, never hands it over', () => {
    expect(withoutImports.match(/\bipcRenderer\b/g)?.length).toBeGreaterThan(0);
    expect(withoutImports).not.toMatch(/\bipcRenderer\b(?!\.(invoke|on|removeListener)\()/);
  });

  it('does not import zod or the schema module at run time (sandboxed preloads cannot require them)', () => {
    expect(preload).not.toMatch(/from 'zod'/);
    expect(preload).not.toMatch(/^import \{[^}]*\} from '..\/shared\/platform\/api';/m);
  });
});

describe('content security policy', () => {
  it('is the strict policy the protocol handler sends', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-ancestors 'self'",
    );
    const protocolSource = read('electron/protocol.ts');
    expect(protocolSource).toContain("'Content-Security-Policy': CONTENT_SECURITY_POLICY");
    expect(protocolSource).toContain("'X-Content-Type-Options': 'nosniff'");
  });

  it('keeps scripts and connections on the app origin, with no inline or eval escape hatch', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((directive) => {
        const [name = '', ...sources] = directive.split(' ');
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|https?:|\*/);
  });

  it('is the meta tag of the built renderer and the header of the preview server, minus what a meta tag cannot carry', () => {
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'self'", ''));
    const viteConfig = read('vite.config.ts');
    expect(viteConfig).toMatch(/'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY/);
    expect(viteConfig).toMatch(/headers: \{ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' \}/);
  });
});

describe('electron-builder.yml', () => {
  const config = read('electron-builder.yml');

  /** The `key: value` lines of one top-level block; enough YAML for this flat section. */
  function topLevelBlock(name: string): Record<string, string> {
    const lines = config.split('\n');
    const start = lines.indexOf(`${name}:`);
    if (start === -1) throw new Error(`no ${name} block`);
    const entries: Record<string, string> = {};
    for (const line of lines.slice(start + 1)) {
      const match = /^ {2}(\w+):\s*(\S+)\s*$/.exec(line);
      if (match === null) break;
      entries[match[1] as string] = match[2] as string;
    }
    return entries;
  }

  it('flips the Electron fuses that close the usual escape hatches', () => {
    expect(topLevelBlock('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('packs into an asar and ships no source maps', () => {
    expect(config).toMatch(/^asar: true$/m);
    expect(config).toMatch(/^ {2}- ['"]!\*\*\/\*\.map['"]$/m);
  });
});
