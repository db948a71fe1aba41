/** A command line that cannot be run: said with the command's usage, exit 2. */
export class UsageError extends Error {}

/**
 * Walks a command line: `onArg` gets each argument and a function that takes the value of the
 * option it is (`--flag value` or `--flag=value`; the walk goes on after what it took).
 */
export function readArgs(argv: string[], onArg: (arg: string, value: () => string) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const at = i;
    onArg(argv[at], () => {
      const [flag, inline] = argv[at].split('=', 2);
      if (inline !== undefined) return inline;
      const v = argv[at + 1];
      if (v === undefined) throw new UsageError(`${flag} 缺少取值 / needs a value`);
      i = at + 1;
      return v;
    });
  }
}

/** An option's value that must be one of `choices` (`--format 只能是 text、json 或 sarif / must be text, json or sarif: xml`). */
export function choiceOption<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  const last = choices[choices.length - 1];
  const zh = choices.length > 1 ? `${choices.slice(0, -1).join('、')} 或 ${last}` : last;
  const en = choices.length > 1 ? `${choices.slice(0, -1).join(', ')} or ${last}` : last;
  throw new UsageError(`${flag} 只能是 ${zh} / must be ${en}: ${value}`);
}
