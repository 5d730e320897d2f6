/** A QR code as one SVG path on a `size` × `size` grid (quiet zone included). */
export interface QrPath {
  size: number;
  /** Dark modules as rectangles, one `M x y h n v 1 h -n z` per horizontal run. */
  d: string;
}

/**
 * Draws `text` as a QR code. The encoder (uqr, ~10 KB) is imported on first use, so it is never
 * part of the initial bundle; the result is plain SVG path data, rendered by the caller as
 * markup (no inline style, no script: fine under a strict Content-Security-Policy).
 */
export async function qrPath(text: string): Promise<QrPath> {
  const { encode } = await import('uqr');
  // Error correction M (15 %) and the 4-module quiet zone the standard asks for.
  const { size, data } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      d += `M${start} ${y}h${x - start}v1h-${x - start}z`;
    }
  });
  return { size, d };
}
