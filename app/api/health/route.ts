// Liveness only: answers while the process can serve requests, without touching the database.
export function GET() {
  return Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()), time: new Date().toISOString() });
}
