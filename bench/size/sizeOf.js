import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * @typedef {object} ByteSizes
 * @property {number} raw     bytes as built (minified)
 * @property {number} gzip    gzip -9
 * @property {number} brotli  brotli at quality 11 (the maximum), text mode
 */

/**
 * The sizes of files served separately: each is compressed on its own, then the sizes are added.
 * @param {(string | Uint8Array)[]} contents
 * @returns {ByteSizes}
 */
export function sizeOf(contents) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const content of contents) {
    const bytes = Buffer.from(content);
    total.raw += bytes.length;
    total.gzip += gzipSync(bytes, { level: 9 }).length;
    total.brotli += brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length;
  }
  return total;
}
