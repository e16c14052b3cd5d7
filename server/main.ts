import { useFastHashing } from './auth/passwords.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { runClockFrom } from './domain/time.ts';
import { buildApp } from './http/app.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { createMailer } from './mail/mailer.ts';
import type { App } from './http/types.ts';

export interface RunningServer {
  app: App;
  handle: DatabaseHandle;
  url: string;
  stop(): Promise<void>;
}

/** Boot order: config → database → migrations → http → scheduler. */
export async function startServer(config: Config, options: { logger?: boolean; scheduler?: boolean } = {}): Promise<RunningServer> {
  useFastHashing(config.fastHash);
  if (config.businessDate) runClockFrom(config.businessDate);
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const app = await buildApp({ db: handle.db, dialect: handle.dialect, config }, options);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const mailer = createMailer(config);
  const scheduler = options.scheduler === false || !config.scheduler ? null : await startScheduler({ db: handle.db, mailer, publicUrl: config.publicUrl, log: app.log });
  let stopped = false;
  return {
    app,
    handle,
    url: `http://${config.host}:${port}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduler?.stop();
      mailer?.close();
      await app.close();
      await handle.close();
    },
  };
}

/** Stops cleanly on SIGINT/SIGTERM: in-flight requests finish, the database closes. */
export function stopOnSignals(server: RunningServer): void {
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
