// The part of fs-native-extensions the data-directory lock uses (the package ships no types).
declare module 'fs-native-extensions' {
  /** An exclusive lock on the whole file: true if granted, false if another open file description holds one. */
  export function tryLock(fd: number): boolean;
  export function unlock(fd: number): void;
}
