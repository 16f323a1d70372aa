/** Trailer that marks commits made by one scaffolder task, so a retried task can adopt them. */
export function taskTrailer(taskId: string): string {
  return `Backstage-Task: ${taskId}`;
}
