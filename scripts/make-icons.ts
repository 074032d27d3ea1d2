// Draws the extension icons (a magnifier-like ring with a tick) as PNGs, without any
// image library: raw RGBA rows, deflated with zlib, wrapped in PNG chunks.
// Run: npx tsx scripts/make-icons.ts  (writes assets/icon-{16,32,48,128}.png)
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function drawIcon(size: number): Buffer {
  const rows: Buffer[] = [];
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0
    for (let x = 0; x < size; x++) {
      const px = x + 0.5 - c;
      const py = y + 0.5 - c;
      const d = Math.hypot(px, py) / c; // 0 centre .. 1 edge
      let rgba = [0, 0, 0, 0];
      if (d <= 0.97) rgba = [28, 78, 140, 255]; // blue disc
      if (d <= 0.97 && d > 0.86) rgba = [255, 255, 255, 255]; // white rim
      // two crossing check strokes (the "cross-check"): light bars at +-45 degrees
      const u = (px + py) / c;
      const v = (px - py) / c;
      if (d < 0.8 && Math.abs(u) < 0.16 && Math.abs(v) < 0.6) rgba = [255, 196, 0, 255];
      if (d < 0.8 && Math.abs(v) < 0.16 && Math.abs(u) < 0.6) rgba = [255, 255, 255, 255];
      rgba.forEach((val, i) => (row[1 + x * 4 + i] = val));
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('assets', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`assets/icon-${size}.png`, drawIcon(size));
console.log('wrote assets/icon-{16,32,48,128}.png');
