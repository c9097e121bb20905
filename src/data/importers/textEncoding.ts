import fs from 'node:fs';
import zlib from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { ChokepointError } from '../../errors.ts';

/**
 * How every text importer turns a file's bytes into text: checked, never a silent U+FFFD. UTF-8 is the default; a
 * Japanese file saved as Shift_JIS (CP932, what Excel writes on a Japanese Windows) is decoded when that reading is
 * unambiguous (see `unambiguousShiftJis`), and `--encoding utf8|shift_jis` forces either. Anything else fails naming
 * the file and the first bad byte (offset and line), so that an import says "file is not UTF-8 (looks like
 * Shift_JIS)" instead of storing garbled labels.
 */
export const textEncodings = ['utf8', 'shift_jis'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** Names a user may give for each encoding (WHATWG's shift_jis decoder is CP932 / Windows-31J). */
const encodingNames: Record<string, TextEncoding> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  'windows-31j': 'shift_jis',
};

/** `--encoding` as the user wrote it → the encoding; anything else is a usage error. */
export function parseTextEncoding(text: string): TextEncoding {
  const encoding = encodingNames[text.trim().toLowerCase()];
  if (!encoding) {
    throw new ChokepointError('bad_input', `--encoding must be utf8 or shift_jis, not "${text}"`, {
      field: 'encoding',
    });
  }
  return encoding;
}

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as (given, or found). */
  encoding: TextEncoding;
}

/**
 * Bytes → text. Without `encoding`: UTF-8 when the bytes are UTF-8 (a byte-order mark stays as U+FEFF, which the
 * CSV reader strips), else Shift_JIS when that is unambiguous, else an error naming `file`, the first byte that is
 * not UTF-8 and what the bytes look like. With `encoding`: that one, or an error naming the first invalid byte.
 */
export function decodeText(bytes: Buffer, file: string, encoding?: TextEncoding): DecodedText {
  if (encoding === 'shift_jis') {
    const text = decodeStrictly('shift_jis', bytes);
    if (text === undefined) throw invalidBytes(bytes, file, 'shift_jis', 'as --encoding shift_jis says');
    return { text, encoding };
  }
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf8' };
  if (encoding === 'utf8') throw invalidBytes(bytes, file, 'utf-8', 'as --encoding utf8 says');
  const japanese = unambiguousShiftJis(bytes);
  if (japanese !== undefined) return { text: japanese, encoding: 'shift_jis' };
  const guess = nonUtf8Encoding(bytes);
  throw invalidBytes(
    bytes,
    file,
    'utf-8',
    guess ? `looks like ${guess}` : 'it ends in the middle of a character: cut off?',
    undefined,
    guess ? '; save it as UTF-8, or give --encoding shift_jis if it is Japanese Shift_JIS' : '',
  );
}

/**
 * Reads a text file (gunzipped when its name ends in .gz) and decodes it with `decodeText`; `bytes` are the file's
 * own bytes (for its checksum). `label` is how errors name the file (default: the path).
 */
export function readTextFile(
  file: string,
  options: { encoding?: TextEncoding; label?: string } = {},
): DecodedText & { bytes: Buffer } {
  const label = options.label ?? file;
  const bytes = fs.readFileSync(file);
  let raw = bytes;
  if (file.toLowerCase().endsWith('.gz')) {
    try {
      raw = zlib.gunzipSync(bytes);
    } catch (error) {
      throw new ChokepointError(
        'bad_file',
        `gzip data is truncated or corrupt: ${(error as Error).message}`,
        { file: label },
      );
    }
  }
  return { ...decodeText(raw, label, options.encoding), bytes };
}

/**
 * Shift_JIS text, or undefined when reading the bytes so is not clearly right. Latin-1 / Windows-1252, EUC-JP or
 * GBK bytes often decode as Shift_JIS without an error, but into kanji and half-width katakana only: their lead
 * bytes are never 0x82–0x83, the rows of hiragana and katakana, which any real Japanese text uses. So the reading
 * is taken when it has no error, at least one kana, and no character of the user-defined area (lead bytes
 * 0xF0–0xF9, which is where Latin-1 letters such as ô or ú followed by a letter land).
 */
function unambiguousShiftJis(bytes: Buffer): string | undefined {
  const text = decodeStrictly('shift_jis', bytes);
  if (text === undefined || userDefined.test(text)) return undefined;
  return kana.test(text) ? text : undefined;
}

/** Hiragana and katakana proper (not the middle dot or the long-vowel mark, which sit in another Shift_JIS row). */
const kana = /[\u3041-\u3096\u30A1-\u30FA]/;
/** Unicode's private use area, where Shift_JIS's user-defined characters (lead bytes 0xF0–0xF9) decode to. */
const userDefined = /[\uE000-\uF8FF]/;

function decodeStrictly(label: string, bytes: Buffer): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Fails unless `bytes` — a piece of `file` starting at byte `start.offset` on line `start.line` — are UTF-8 (a
 * character cut by the end of the piece is allowed: the next piece holds its rest). For importers that read a file
 * piece by piece (BACI: the head, then single lines).
 */
export function requireUtf8(bytes: Buffer, file: string, start: Start = { offset: 0, line: 1 }): void {
  const whole = trimCutSequence(bytes);
  if (isUtf8(whole)) return;
  throw invalidBytes(
    whole,
    file,
    'utf-8',
    `looks like ${nonUtf8Encoding(bytes) ?? 'a legacy encoding'}`,
    start,
  );
}

/** Where a piece of a file starts: byte offset and line (1-based). */
interface Start {
  offset: number;
  line: number;
}

/**
 * The error for bytes that are not valid in `label`: the first bad byte's offset and line. Found by bisection on
 * prefixes decoded in streaming mode (a prefix is invalid once it holds the bad byte; a character cut by the end of
 * the prefix is not an error there), so each step is one native decode.
 */
function invalidBytes(
  bytes: Buffer,
  file: string,
  label: 'shift_jis' | 'utf-8',
  why: string,
  start: Start = { offset: 0, line: 1 },
  hint = '',
): ChokepointError {
  const invalidPrefix = (n: number) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let offset: number;
  if (!invalidPrefix(bytes.length)) {
    // Every byte is fine but the last character is cut: the file ends in the middle of it.
    offset = bytes.length - 1;
  } else {
    let lo = 1;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (invalidPrefix(mid)) hi = mid;
      else lo = mid + 1;
    }
    offset = lo - 1;
    // The decoder fails on the byte that does not fit a sequence begun before it (a lead byte followed by an
    // ASCII letter): then that sequence, whose first byte is where the bytes before end whole, is the bad one.
    const whole = (n: number) => decodeStrictly(label, bytes.subarray(0, n)) !== undefined;
    while (offset > 0 && !whole(offset)) offset--;
  }
  let line = start.line;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
  const name = label === 'utf-8' ? 'UTF-8' : 'Shift_JIS';
  const byte = bytes[offset].toString(16).padStart(2, '0');
  return new ChokepointError(
    'bad_file',
    `file is not ${name} (${why}): byte 0x${byte} at offset ${start.offset + offset} (line ${line}) is not valid ${name}${hint}`,
    { file, line },
  );
}

/**
 * Undefined when `bytes` are valid UTF-8 (a sequence cut at the end is allowed); else the likely encoding, for the
 * error message. A guess: Shift_JIS when the bytes read as Shift_JIS without user-defined characters, EUC-JP when
 * they read as EUC-JP with kana, GB18030 when they read as Chinese more than as Latin letters, else single-byte.
 */
export function nonUtf8Encoding(bytes: Buffer): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  if (bytes.length >= 4 && bytes.subarray(0, 64).includes(0)) return 'UTF-16';
  if (isUtf8(trimCutSequence(bytes))) return undefined;
  const sjis = decodeStrictly('shift_jis', bytes);
  if (sjis !== undefined && !userDefined.test(sjis)) return 'Shift_JIS';
  const euc = decodeStrictly('euc-jp', bytes);
  if (euc !== undefined && kana.test(euc)) return 'EUC-JP';
  const gb = decodeStrictly('gb18030', bytes);
  const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
  if (gb !== undefined && count(gb, /[\u4E00-\u9FFF]/g) > count(gb, /[A-Za-z]/g)) return 'GB18030';
  return 'a single-byte encoding such as Latin-1 / Windows-1252';
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
