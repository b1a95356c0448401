// Excalidraw loads its fonts from a CDN unless told otherwise; the app serves them itself
// (app/excalidraw-assets/fonts: the CSP allows only our own fonts, and nothing is fetched from the internet).
// Imported before '@excalidraw/excalidraw' so the path is set when it first asks.
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

if (typeof window !== 'undefined') window.EXCALIDRAW_ASSET_PATH = '/excalidraw-assets/';

export {};
