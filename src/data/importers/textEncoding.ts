/**
 * Tells whether bytes are UTF-8 and, when not, what they look like, so that an import can say
 * "file is not UTF-8 (looks like Shift_JIS)" instead of failing on garbled text later.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Undefined when `bytes` are valid UTF-8 (a sequence cut at the end is allowed); else the likely encoding. */
export function nonUtf8Encoding(bytes: Buffer): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  if (bytes.length >= 4 && bytes.subarray(0, 64).includes(0)) return 'UTF-16';
  if (isUtf8(trimCutSequence(bytes))) return undefined;
  for (const [label, name] of [
    ['shift_jis', 'Shift_JIS'],
    ['euc-jp', 'EUC-JP'],
    ['gb18030', 'GB18030'],
  ] as const) {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes);
      return name;
    } catch {
      // not this one either
    }
  }
  return 'a single-byte encoding such as Latin-1 / Windows-1252';
}

export function isUtf8(bytes: Buffer): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Drops an incomplete multi-byte sequence at the very end (a chunk boundary, not an encoding error). */
function trimCutSequence(bytes: Buffer): Buffer {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    if (need > back) end -= back;
    break;
  }
  return bytes.subarray(0, end);
}
