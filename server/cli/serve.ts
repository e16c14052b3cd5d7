import type { Config } from '../config.ts';
import { startServer, stopOnSignals } from '../main.ts';

/** `namro serve`: the HTTP server (it applies migrations first). */
export async function serve(config: Config): Promise<void> {
  const server = await startServer(config, { logger: true });
  stopOnSignals(server);
  console.log(`Năm Rõ đang chạy tại ${server.url} (CSDL: ${config.database.dialect})`);
}
