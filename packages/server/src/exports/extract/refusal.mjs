/** A limit an uploaded file broke; the message completes "FILE …" and is safe to show to whoever uploaded it. */
export class Refusal extends Error {}
