export const ROOT: string;
export const BUNDLE: URL;
export const MANIFEST: URL;
export function isFresh(bundle?: URL, manifestFile?: URL, root?: URL): boolean;
export function cliBundle(): Promise<string>;
