/** A `.wasm` file imported as its bytes in base64 (the `lectern-wasm-base64` build plugin). */
declare module '*.wasm?base64' {
  const base64: string;
  export default base64;
}
