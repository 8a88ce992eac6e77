/**
 * The pack's own font faces: Inter in static weights (@fontsource/inter), not the variable
 * Inter the app's interface uses. Chromium writes a variable font into a PDF as Type 3
 * glyphs, which some PDF viewers draw poorly and printers rasterise slowly; a static face
 * is embedded as a TrueType subset. The print route, the HTML export and the headless
 * command each supply the same files (as URLs or data: URLs) to `interPackFontFiles`.
 */

export const packFontFamily = 'Inter Pack';

/** Every weight the pack's styles ask for; another weight would be matched to the nearest of these. */
export const packFontWeights = [400, 500, 600, 700] as const;
export type PackFontWeight = (typeof packFontWeights)[number];

/** The unicode ranges of the two Inter subsets the pack embeds (as fontsource splits them). */
export const interLatinRange =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
export const interLatinExtRange =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

/** One woff2 file of one weight and subset, at a URL the page can load (a data: URL when embedded). */
export interface PackFontFile {
  weight: PackFontWeight;
  unicodeRange: string;
  url: string;
}

/** The URLs of one Inter subset's files, a file a weight. */
export type PackFontSubsetUrls = Readonly<Record<PackFontWeight, string>>;

/**
 * The pack's files, the latin subset then the latin-ext one, each in every weight: the
 * callers differ only in how they reach the files (as URLs of the built app, or inlined).
 */
export function interPackFontFiles(urls: { latin: PackFontSubsetUrls; latinExt: PackFontSubsetUrls }): PackFontFile[] {
  return [
    ...packFontWeights.map((weight) => ({ weight, unicodeRange: interLatinRange, url: urls.latin[weight] })),
    ...packFontWeights.map((weight) => ({ weight, unicodeRange: interLatinExtRange, url: urls.latinExt[weight] })),
  ];
}

/** The font stack of the pack's text; variable Inter stays as the fallback where the static faces are not declared. */
export const packFontStack = `'${packFontFamily}', 'Inter Variable', system-ui, sans-serif`;

/** @font-face rules declaring the files as the family the pack's styles ask for. */
export function packFontFaceCss(files: readonly PackFontFile[]): string {
  return files
    .map(
      (file) => `@font-face {
  font-family: '${packFontFamily}';
  font-style: normal;
  font-display: block;
  font-weight: ${file.weight};
  src: url(${JSON.stringify(file.url)}) format('woff2');
  unicode-range: ${file.unicodeRange};
}`,
    )
    .join('\n');
}
