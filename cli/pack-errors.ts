/**
 * How the headless pack command fails: one line on stderr saying what is wrong and where,
 * and an exit code a script can act on (2 for a wrong command line, 1 for everything else).
 */

export const EXIT_USAGE = 2;
export const EXIT_FAILURE = 1;

export class PackCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
    this.name = 'PackCommandError';
  }
}
