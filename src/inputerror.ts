// The one error a bad input raises, wherever the value is first found
// wanting (parsing, creating a report's folder, a compiler that never
// finishes): it names the input, the value given and what is accepted. The
// action fails the step with its message; the CLI names the flag or the
// hook's variable instead.

/** A bad input: the step fails with this message and writes no outputs. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    readonly value: string,
    readonly accepted: string,
    /** What is wrong with the value, where its shape alone is not it:
     * "does not exist", "is a folder". */
    readonly problem: string | null = null,
  ) {
    super(
      `Invalid input '${input}': ${JSON.stringify(value)}${problem ? ` ${problem}` : ''}. Expected ${accepted}.`,
    )
  }
}
