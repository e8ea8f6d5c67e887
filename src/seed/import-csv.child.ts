/**
 * A child process of writeImportCsv (import-csv.ts): converts the dataset files it is sent, answers
 * with what it wrote or why it could not, and exits.
 */
import { convertFiles, type ChildAnswer, type ChildTask } from "./import-csv.js";

process.once("message", (task: ChildTask) => {
  const answer = (message: ChildAnswer) => process.send!(message, () => process.disconnect());
  convertFiles(task.dir, task.csvDir, task.day, task.files).then(
    (converted) => answer({ converted }),
    (error: Error) => answer({ error: { name: error.name, message: error.message } }),
  );
});
