/** Ends the command with a Vietnamese message on stderr and exit code 2 (bad usage or refused input). */
export function fail(message: string): never {
  console.error(`Lỗi: ${message}`);
  process.exit(2);
}
