// What the server takes from the Word code. `import('./word.js')` in wordFiles.ts resolves here when
// type-checking and testing from source; in the bundle it is external and loads dist/word.js, the
// CLI's Word bundle, so dist/server.js carries none of the zip, XML and docx code.
export { readForCheck } from '../cli/word';
