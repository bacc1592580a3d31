import type { LoggerService } from '@nestjs/common';

export interface RecordedError {
  readonly message: string;
  readonly stack: string | undefined;
}

/** What the app logged, by level: warnings as their one line, errors with their stack trace. */
export class RecordingLogger implements LoggerService {
  readonly warnings: string[] = [];
  readonly errors: RecordedError[] = [];

  log(): void {}

  warn(message: unknown, ...rest: unknown[]): void {
    this.warnings.push([message, ...rest.slice(0, -1)].map(String).join(' '));
  }

  error(message: unknown, stack?: unknown): void {
    this.errors.push({ message: String(message), stack: typeof stack === 'string' ? stack : undefined });
  }

  clear(): void {
    this.warnings.length = 0;
    this.errors.length = 0;
  }
}
