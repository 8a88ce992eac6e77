import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/platform/api';
import { platform } from '../platform';

/** Version and where the data lives: the two facts a user needs for a support question. */
export function AppFooter() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    platform.getAppInfo().then(setInfo, () => setInfo(null));
  }, []);
  if (!info) return null;
  return (
    <footer className="app-footer">
      {info.name} {info.version} · {info.host === 'desktop' ? 'desktop app' : 'browser'} · data kept in {info.dataLocation}, never sent
      anywhere
    </footer>
  );
}
