import { main } from './main';
import { needsWord, setWordSupport } from './wordHook';

const argv = process.argv.slice(2);
if (needsWord(argv)) {
  // the Word code is its own bundle (dist/word.js), loaded only for Word files and commands
  void import('./word.js').then((word) => {
    setWordSupport(word);
    process.exitCode = main(argv);
  });
} else process.exitCode = main(argv);
