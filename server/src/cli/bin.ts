import { main } from './main';
import { checkWorkerNeedsWord, isCheckWorker, serveCheckWorker } from './checkPool';
import { needsWord, setWordSupport } from './wordHook';
import { isWordReadWorker, serveWordReadWorker } from './wordBudget';

if (isCheckWorker()) {
  // a worker thread of `ecoplan check --jobs N` (checkPool.ts): it checks the files it is sent
  if (checkWorkerNeedsWord())
    void import('./word.js').then((word) => {
      setWordSupport(word);
      serveCheckWorker();
    });
  else serveCheckWorker();
} else if (isWordReadWorker()) {
  // a worker thread reading one Word file within the file budget (wordBudget.ts, `ecoplan diff`)
  void import('./word.js').then((word) => {
    setWordSupport(word);
    serveWordReadWorker();
  });
} else {
  // `ecoplan check … | head`: the reader went away; stop quietly, as other command-line tools do
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }

  const argv = process.argv.slice(2);
  const run = () => {
    const code = main(argv);
    if (typeof code === 'number') process.exitCode = code;
    else void code.then((c) => (process.exitCode = c));
  };
  if (needsWord(argv)) {
    // the Word code is its own bundle (dist/word.js), loaded only for Word files and commands
    void import('./word.js').then((word) => {
      setWordSupport(word);
      run();
    });
  } else run();
}
