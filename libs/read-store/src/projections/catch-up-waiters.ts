interface Waiter {
  readonly target: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Callers waiting for a projection to reach a position; settled as it advances, fails or stops. */
export class CatchUpWaiters {
  private waiting: Waiter[] = [];
  private ended: Error | undefined;

  wait(target: bigint, position: bigint): Promise<void> {
    if (position >= target) return Promise.resolve();
    if (this.ended !== undefined) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => this.waiting.push({ target, resolve, reject }));
  }

  reached(position: bigint): void {
    const stillWaiting: Waiter[] = [];
    for (const waiter of this.waiting) {
      if (position >= waiter.target) waiter.resolve();
      else stillWaiting.push(waiter);
    }
    this.waiting = stillWaiting;
  }

  /** Rejects the present waits; later ones wait again. */
  failWaiting(error: Error): void {
    for (const waiter of this.waiting) waiter.reject(error);
    this.waiting = [];
  }

  /** Rejects the present waits and every later one that is not already satisfied. */
  end(error: Error): void {
    this.ended ??= error;
    this.failWaiting(this.ended);
  }
}
