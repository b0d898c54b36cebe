/** Whether bytes are a zip archive (a local file header, or the end record of an empty zip). */
export function isZipBytes(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

/** Whether the file name ends in `.lectern` (Lectern's zipped pack). */
export function isLecternZipName(name: string): boolean {
  return /\.lectern$/i.test(name);
}
