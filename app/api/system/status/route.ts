// The original system's path for the same report as /api/status.
export { GET, dynamic } from "@/app/api/status/route";
