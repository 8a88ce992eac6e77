/**
 * The one place the app hands a URL to the operating system. `shell.openExternal` can
 * start any registered handler (file:, smb:, ms-settings:, custom schemes of other
 * apps), so only https and mailto links get through, and the OS receives the URL as we
 * parsed and re-serialised it, never the raw string it might read differently.
 * A test fails if `shell.openExternal` is called anywhere else.
 */
import { shell } from 'electron';
import { isSafeExternalUrl } from '../shared/platform/origin';

/** Opens the link outside the app if it is safe; resolves to whether it was opened. */
export async function openSafeExternalUrl(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(new URL(url).href);
  return true;
}
