// The core compiles without the DOM lib so it cannot reach for the page. These few Web APIs exist alike in
// Node, workers and the page, and the core needs them for text decoding.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
