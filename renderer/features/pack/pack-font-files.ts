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
import { interPackFontFiles, packFontFaceCss, type PackFontFile } from './document/pack-fonts';

export const packFontFiles: readonly PackFontFile[] = interPackFontFiles({
  latin: { 400: latin400, 500: latin500, 600: latin600, 700: latin700 },
  latinExt: { 400: latinExt400, 500: latinExt500, 600: latinExt600, 700: latinExt700 },
});

/** The faces as a style sheet, for the pages that show the pack inside the app. */
export const packFontFaceRules = packFontFaceCss(packFontFiles);
