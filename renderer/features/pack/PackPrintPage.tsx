/**
 * The print route: the pack alone, without the app's chrome, for the desktop's hidden
 * print window, the browser's print frame and the headless benchmark. It loads once (a
 * pack must not change while it prints), waits for the fonts, then marks the page ready
 * and tells the host, or tells it why it cannot print.
 */
import { useEffect, useState } from 'react';
import type { PackPrintTarget } from '@shared/pack/print-route';
import { repositories } from '../../data';
import { platform } from '../../platform';
import { PackDocument } from './document/PackDocument';
import { packFontFamily, packFontWeights } from './document/pack-fonts';
import { packFontFaceRules } from './pack-font-files';
import { loadPackSource, type PackSource } from './pack-source';

type PrintState = { status: 'loading' } | { status: 'failed'; message: string } | Extract<PackSource, { status: 'ready' }>;

/** The font faces the pack uses; loading them explicitly beats waiting for layout to ask. */
const packFonts = packFontWeights.map((weight) => `${weight} 10px "${packFontFamily}"`);

export function PackPrintPage({ target }: { target: PackPrintTarget | null }) {
  const [state, setState] = useState<PrintState>(() =>
    target === null ? { status: 'failed', message: 'This address is not a pack print route.' } : { status: 'loading' },
  );

  useEffect(() => {
    if (target === null) return;
    // Another pack may have been on this page before: it is no longer the one ready to print.
    delete document.documentElement.dataset.packReady;
    setState({ status: 'loading' });
    let cancelled = false;
    loadPackSource(repositories, target, () => new Date()).then(
      (source) => {
        if (!cancelled) setState(source.status === 'ready' ? source : { status: 'failed', message: source.message });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ status: 'failed', message: `The pack could not be built: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [target?.engagementId, target?.checkpointId, target?.version, target?.paper]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (state.status === 'loading') return;
    const root = document.documentElement;
    if (state.status === 'failed') {
      root.dataset.packReady = 'false';
      void platform.reportPrintReady({ ok: false, message: state.message.slice(0, 2000) });
      return;
    }
    let cancelled = false;
    void (async () => {
      try {
        await Promise.all(packFonts.map((font) => document.fonts.load(font)));
        await document.fonts.ready;
      } catch {
        // A font that will not load prints in the fallback face; not a reason to refuse.
      }
      if (cancelled) return;
      root.dataset.packReady = 'true';
      await platform.reportPrintReady({ ok: true, message: '' });
    })();
    return () => {
      cancelled = true;
    };
  }, [state]);

  useEffect(() => () => void delete document.documentElement.dataset.packReady, []);

  if (state.status === 'loading') return null;
  if (state.status === 'failed') {
    return (
      <div className="pack-print-root pack-print-failed" role="alert">
        <h1>The pack cannot be printed</h1>
        <p>{state.message}</p>
      </div>
    );
  }
  return (
    <div className="pack-print-root">
      <style>{packFontFaceRules}</style>
      <PackDocument pack={state.pack} issue={state.issue} paper={target!.paper} />
    </div>
  );
}
