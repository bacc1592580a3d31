import type { Subscription } from '../event-store.port';

/** The subscriptions a store has open, so that closing the store closes them first. */
export function createSubscriptionRegistry(): { track(inner: Subscription): Subscription; closeAll(): Promise<void> } {
  const open = new Set<Subscription>();
  return {
    track(inner) {
      const subscription: Subscription = {
        async close() {
          open.delete(subscription);
          await inner.close();
        },
      };
      open.add(subscription);
      return subscription;
    },
    async closeAll() {
      await Promise.all(Array.from(open, (subscription) => subscription.close()));
    },
  };
}
