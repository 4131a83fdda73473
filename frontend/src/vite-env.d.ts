// Types for Vite's import.meta.env, including the app's own VITE_* build flags.
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "true" (default) or "false"; see src/config.ts. */
  readonly VITE_COOKIE_REFRESH_AUTH?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
