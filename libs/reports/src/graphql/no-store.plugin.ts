import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every GraphQL answer holds a merchant's or an auditor's figures: no browser or proxy cache may keep one. Apollo's
 * cache-control plugin said so (`no-store`), but it wraps every field's resolver to work out cache hints that are
 * never given; it is disabled and this says it instead.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
