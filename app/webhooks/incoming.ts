/**
 * A webhook request as the receiver needs it, whatever server it came through: the Remix routes
 * hand over a WHATWG Request, the production server's fast path a Node request (see
 * app/webhooks/node-intake.server.ts). Both adapters answer with the same WebhookAnswer.
 */
export interface IncomingWebhook {
  method: string;
  /** A request header by its lower-case name; repeated headers joined with ", " (as Headers.get does). */
  header(name: string): string | undefined;
  /** The URL's path, named in the note of a delivery whose topic this URL does not handle. */
  pathname(): string;
  /** The whole body, refusing (BodyTooLargeError) anything above `limitBytes` without reading it all. */
  readBody(limitBytes: number): Promise<Uint8Array>;
}

/** Every webhook answer has an empty body: a status and a few headers. */
export interface WebhookAnswer {
  status: number;
  headers?: Record<string, string>;
}
