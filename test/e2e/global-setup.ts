import type { TestProject } from 'vitest/node';
import { buildDemoTemplate } from './helpers/demo-database.ts';
import { ensureWebBuild } from './helpers/web-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    webDir: string;
    demoTemplate: string;
  }
}

/** Once per run: the web app built from the current sources and a seeded demo database to copy. */
export default async function setup(project: TestProject) {
  project.provide('webDir', ensureWebBuild());
  project.provide('demoTemplate', await buildDemoTemplate());
}
