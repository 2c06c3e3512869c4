import http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { DASHBOARD_SESSION_COOKIE, dashboardSessionToken } from "@/lib/api/dashboard-session";
import { authorizeDashboardAction, authorizeStateChange } from "@/lib/api/protection";
import { resetEnvCache } from "@/lib/env";
import { installRemoteAddressHeader, isLoopbackAddress, REMOTE_ADDRESS_HEADER } from "@/lib/server/remote-address";

const KEY = "k".repeat(24);

function withKey(key: string | undefined) {
  if (key) process.env.API_KEY = key;
  else delete process.env.API_KEY;
  resetEnvCache();
}
afterEach(() => withKey(undefined));

function status(fn: () => void): number {
  try {
    fn();
    return 200;
  } catch (error) {
    return (error as ApiError).status;
  }
}

describe("state-changing route protection", () => {
  it("without API_KEY accepts loopback callers only", () => {
    withKey(undefined);
    expect(
      status(() => authorizeStateChange(new Headers({ [REMOTE_ADDRESS_HEADER]: "127.0.0.1", host: "127.0.0.1:3000" }))),
    ).toBe(200);
    expect(
      status(() =>
        authorizeStateChange(new Headers({ [REMOTE_ADDRESS_HEADER]: "::ffff:127.0.0.1", host: "localhost:3000" })),
      ),
    ).toBe(200);
    expect(
      status(() => authorizeStateChange(new Headers({ [REMOTE_ADDRESS_HEADER]: "::1", host: "[::1]:3000" }))),
    ).toBe(200);
    // DNS rebinding: a hostile page's domain pointed at 127.0.0.1 arrives from loopback under its own name.
    expect(
      status(() =>
        authorizeStateChange(new Headers({ [REMOTE_ADDRESS_HEADER]: "127.0.0.1", host: "attacker.example:3000" })),
      ),
    ).toBe(403);
    expect(status(() => authorizeStateChange(new Headers({ [REMOTE_ADDRESS_HEADER]: "10.0.0.7" })))).toBe(403);
    // A forwarded-for header from the client proves nothing.
    expect(status(() => authorizeStateChange(new Headers({ "x-forwarded-for": "127.0.0.1" })))).toBe(403);
  });

  it("with API_KEY requires the bearer key from anywhere", () => {
    withKey(KEY);
    const loopback = { [REMOTE_ADDRESS_HEADER]: "127.0.0.1" };
    expect(status(() => authorizeStateChange(new Headers(loopback)))).toBe(401);
    expect(status(() => authorizeStateChange(new Headers({ ...loopback, authorization: "Bearer wrong" })))).toBe(401);
    expect(status(() => authorizeStateChange(new Headers({ authorization: `Bearer ${KEY}` })))).toBe(200);
    expect(status(() => authorizeStateChange(new Headers({ authorization: `bearer ${KEY}` })))).toBe(200);
  });

  it("lets dashboard actions through with the API key's session cookie only", () => {
    withKey(KEY);
    expect(
      status(() => authorizeDashboardAction(new Headers({ [REMOTE_ADDRESS_HEADER]: "127.0.0.1", host: "localhost" }))),
    ).toBe(401);
    const cookie = `other=1; ${DASHBOARD_SESSION_COOKIE}=${dashboardSessionToken(KEY)}`;
    expect(status(() => authorizeDashboardAction(new Headers({ cookie })))).toBe(200);
    expect(
      status(() =>
        authorizeDashboardAction(
          new Headers({ cookie: `${DASHBOARD_SESSION_COOKIE}=${dashboardSessionToken("another-key-0000000")}` }),
        ),
      ),
    ).toBe(401);
    withKey(undefined);
    expect(status(() => authorizeDashboardAction(new Headers({ [REMOTE_ADDRESS_HEADER]: "192.168.1.4" })))).toBe(403);
  });

  it("recognises loopback addresses", () => {
    expect(["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"].every(isLoopbackAddress)).toBe(true);
    expect(["", "10.0.0.1", "::ffff:10.0.0.1", "128.0.0.1", "fe80::1"].some(isLoopbackAddress)).toBe(false);
  });

  it("stamps the socket's address over whatever the client sent", async () => {
    installRemoteAddressHeader();
    const server = http.createServer((req, res) => res.end(String(req.headers[REMOTE_ADDRESS_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const body = await fetch(`http://127.0.0.1:${port}/`, { headers: { [REMOTE_ADDRESS_HEADER]: "10.9.9.9" } }).then(
      (r) => r.text(),
    );
    await new Promise((resolve) => server.close(resolve));
    expect(isLoopbackAddress(body)).toBe(true);
  });
});
