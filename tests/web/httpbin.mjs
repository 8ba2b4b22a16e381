// The local httpbin (tests/wasm/httpbin.mjs) for the browser suites, standing in for
// https://httpbin.org: example programs keep the URL their readers would use, and the tests
// need no internet.
import { after, before } from 'node:test';

import { startHttpbin } from '../wasm/httpbin.mjs';

const PUBLIC_HTTPBIN = 'https://httpbin.org';

// node:test hooks that start the server before the suite's tests and stop it after.
// Returns {url, route(context)}: `url` set once the hooks have run; route(context) makes
// a Playwright browser context's requests to httpbin.org, its workers' too, go to it.
export function serveHttpbin() {
  let server = null;
  const httpbin = {
    url: null,
    route(context) {
      return context.route(`${PUBLIC_HTTPBIN}/**`, async (route) => {
        const url = route.request().url().replace(PUBLIC_HTTPBIN, httpbin.url);
        await route.fulfill({ response: await route.fetch({ url }) });
      });
    },
  };
  before(async () => {
    server = await startHttpbin();
    httpbin.url = server.url;
  });
  after(() => server?.stop());
  return httpbin;
}
