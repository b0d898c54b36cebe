/** How the screens get a pack's media files to show: object URLs handed out and taken back by name. */

/** A media file ready to show: its object URL and sniffed type. */
export interface MediaHandle {
  url: string;
  type: string;
  image: boolean;
}

/** The media files of one pack (`ops/media.ts` makes them from IndexedDB). */
export interface MediaSource {
  /** The file named `name` (null when the pack has none); pair every call with {@link release}. */
  acquire(name: string): Promise<MediaHandle | null>;
  release(name: string): void;
}
