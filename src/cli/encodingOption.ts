import type { Command } from 'commander';
import { parseTextEncoding, type TextEncoding } from '../data/importers/index.ts';

/** `--encoding utf8|shift_jis` for a command that reads a user's text file; without it textEncoding.ts decides. */
export function withEncodingOption(cmd: Command): Command {
  return cmd.option(
    '--encoding <utf8|shift_jis>',
    'text encoding of the file (default: UTF-8, or Shift_JIS when the bytes are clearly Japanese Shift_JIS)',
  );
}

/** The encoding an `--encoding` option gave, checked; undefined when it was not given. */
export function encodingOf(opts: { encoding?: string }): TextEncoding | undefined {
  return opts.encoding === undefined ? undefined : parseTextEncoding(opts.encoding);
}
