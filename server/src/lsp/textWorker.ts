// dist/text-worker.js: one plan on disk analysed in a worker thread within the file budget
// (budgetedRead.ts); its diagnostics go back to the server as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { analyseTextFile, type TextJob } from './budgetedRead';

parentPort?.postMessage(analyseTextFile(workerData as TextJob));
