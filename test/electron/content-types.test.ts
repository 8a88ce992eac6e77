import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../electron/content-types';

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/logo.SVG', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['assets/inter latin.woff2', 'font/woff2'],
    ['assets/inter.woff', 'font/woff'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it.each(['LICENSE', 'assets.v2/LICENSE', '.env', 'archive.zip'])('%s falls back to a download type', (file) => {
    expect(contentTypeFor(file)).toBe('application/octet-stream');
  });
});
