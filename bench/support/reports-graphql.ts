/** One GraphQL request to the reports app with a platform token; throws unless it answered data. */
export async function reportsGraphql<T>(graphqlUrl: string, token: string, query: string): Promise<T> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown };
  if (!response.ok || result.data === undefined) throw new Error(`GraphQL answered ${response.status}: ${JSON.stringify(result.errors)}`);
  return result.data;
}
