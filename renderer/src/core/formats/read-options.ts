/** Options every format reader takes. */
export interface ReadOptions {
  /** The file's name: the default pack id and title, and a hint to the format. */
  fileName?: string;
  /** Called with the fraction done (0..1) as a large file is read; the last call is with 1. */
  onProgress?: (fraction: number) => void;
}
