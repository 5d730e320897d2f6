/**
 * The sizes the layout reserves for text, and the font the renderers draw it in. Text is
 * measured by character count in a monospace font, not by a browser: Node (the README's SVG) and
 * every browser then give the same layout, byte for byte.
 */
export const CHART_FONT = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
export const TITLE_SIZE = 12;
export const TEXT_SIZE = 10;
/** A monospace character is about 0.6 em wide; a little more keeps text inside its box. */
const CHAR_WIDTH_EM = 0.62;
export const LINE_HEIGHT = 14;
export const BOX_PADDING = 10;
/** A box's title line, above its invocations and children. */
export const HEADER_HEIGHT = 24;

export function textWidth(text: string, size: number): number {
  return Math.ceil(text.length * size * CHAR_WIDTH_EM);
}
