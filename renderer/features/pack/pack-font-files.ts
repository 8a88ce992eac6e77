/**
 * The static Inter files the pack prints with (see document/pack-fonts.ts), as URLs of the
 * built app: the print route and the preview load them, the HTML export embeds them.
 */
import latin400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import latin500 from '@fontsource/inter/files/inter-latin-500-normal.woff2?url';
import latin600 from '@fontsource/inter/files/inter-latin-600-normal.woff2?url';
import latin700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/inter/files/inter-latin-ext-400-normal.woff2?url';
import latinExt500 from '@fontsource/inter/files/inter-latin-ext-500-normal.woff2?url';
import latinExt600 from '@fontsource/inter/files/inter-latin-ext-600-normal.woff2?url';
import latinExt700 from '@fontsource/inter/files/inter-latin-ext-700-normal.woff2?url';
import { interLatinExtRange, interLatinRange, packFontFaceCss, type PackFontFile } from './document/pack-fonts';

export const packFontFiles: readonly PackFontFile[] = [
  { weight: 400, unicodeRange: interLatinRange, url: latin400 },
  { weight: 500, unicodeRange: interLatinRange, url: latin500 },
  { weight: 600, unicodeRange: interLatinRange, url: latin600 },
  { weight: 700, unicodeRange: interLatinRange, url: latin700 },
  { weight: 400, unicodeRange: interLatinExtRange, url: latinExt400 },
  { weight: 500, unicodeRange: interLatinExtRange, url: latinExt500 },
  { weight: 600, unicodeRange: interLatinExtRange, url: latinExt600 },
  { weight: 700, unicodeRange: interLatinExtRange, url: latinExt700 },
];

/** The faces as a style sheet, for the pages that show the pack inside the app. */
export const packFontFaceRules = packFontFaceCss(packFontFiles);
