import { main } from './main';
import { needsWord, setWordSupport } from './wordHook';

// `ecoplan check … | head`: the reader went away; stop quietly, as other command-line tools do
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const argv = process.argv.slice(2);
if (needsWord(argv)) {
  // the Word code is its own bundle (dist/word.js), loaded only for Word files and commands
  void import('./word.js').then((word) => {
    setWordSupport(word);
    process.exitCode = main(argv);
  });
} else process.exitCode = main(argv);
