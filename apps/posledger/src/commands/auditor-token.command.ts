import { openCredentialStore } from '@posledger/credentials';
import type { PlatformConfig } from '@posledger/platform-config';
import { printJson } from '@posledger/platform/output';

/** `token --auditor`: needs the credentials store alone, so it loads none of the platform's other modules. */
export async function auditorTokenCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const credentials = openCredentialStore(config.dataDir);
  try {
    printJson({ token: await credentials.issueToken({ role: 'auditor', subject: typeof options.name === 'string' ? options.name : 'auditor' }) });
  } finally {
    await credentials.close();
  }
}
