import { inngestHandler } from "@/inngest/serve-handler";

export const { GET, POST, PUT } = inngestHandler;
