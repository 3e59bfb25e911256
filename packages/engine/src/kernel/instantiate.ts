/**
 * The engine targets ES2023 without DOM types, which leave out WebAssembly: just what the kernels
 * use (present in every runtime the engine runs in: Node and the browsers).
 */
declare const WebAssembly: {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
};

/** A kernel's linear memory, as the JavaScript side writes its inputs into it. */
export type KernelMemory = { readonly buffer: ArrayBuffer; grow(pages: number): number };

/** The exports of a kernel module, instantiated with no imports (kernels call nothing outside). */
export function instantiateKernel(bytes: Uint8Array): Record<string, unknown> {
  return new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
}
