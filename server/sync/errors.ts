/** Why a message closes its sender: it does not decode, or it decodes and is over a limit. */

/** The message does not decode exactly, or is of an unknown type: closed with 1002. */
export class MalformedMessage extends Error {}

/** A well-formed message over a limit: its sender is closed with `code`, nothing of it applied. */
export class UpdateRefused extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
