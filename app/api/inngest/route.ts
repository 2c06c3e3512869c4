import { inngestHandler } from "@/inngest/serve-handler";

export const { GET, POST, PUT } = inngestHandler;

// Inngest calls this route once per step; the longest (training's walk-forward evaluation) takes
// seconds here, and 300 s is the most every Vercel plan allows (Hobby's ceiling, Pro's default).
export const maxDuration = 300;
