// fontkit 2 ships no type declarations; pdf-lib declares the font shape it needs (its types/fontkit.d.ts).
declare module 'fontkit' {
  export function create(buffer: Buffer, postscriptName?: string): unknown;
}
