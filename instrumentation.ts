export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that the header is stamped on every request the server will see.
  const { installRemoteAddressHeader } = await import("./lib/server/remote-address");
  installRemoteAddressHeader();
  const { startServer } = await import("./runtime/start-server");
  await startServer();
}
