// Where a kiosk reads a repository from: a folder (USB media) or HTTP. Both refuse
// to read beyond a cap (the signed length, or a fixed cap for files whose length is
// not signed) — an endless or oversized file stops there, never fills the disk.

export interface RepoSource {
  /** A whole metadata file, or null when the source has no such file. */
  fetchMeta(rel: string, maxBytes: number): Promise<Buffer | null>;
  /**
   * Fetches a file into `dest`, resuming a partial `dest` when the source can
   * (HTTP Range). Refuses more than `length` bytes; may leave `dest` partial on failure.
   */
  fetchFile(rel: string, dest: string, length: number, onBytes?: (done: number) => void): Promise<void>;
  describe(): string;
}
