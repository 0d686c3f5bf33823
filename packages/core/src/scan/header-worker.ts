/** The header worker thread (header-workers.ts starts it): answers one folder's job at a time. */
import { parentPort } from 'node:worker_threads';
import { answerHeaderJob, type HeaderJob } from './header-job.js';

const port = parentPort;
if (port) {
  port.on('message', (job: HeaderJob) => port.postMessage(answerHeaderJob(job)));
  port.postMessage('ready');
}
