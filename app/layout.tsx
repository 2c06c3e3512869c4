import type { Metadata } from "next";
import { headers } from "next/headers";
import { hasDashboardSession } from "@/lib/api/dashboard-session";
import { env } from "@/lib/env";
import { DashboardLock } from "./_components/dashboard-lock";
import { NavLinks } from "./_components/nav-links";
import { Providers } from "./_components/providers";
import { ThemeScript } from "./_components/theme-script";
import { ThemeToggle } from "./_components/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PL Predictor", template: "%s · PL Predictor" },
  description: "Premier League match predictions: data, pipelines, models and their track record.",
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // With API_KEY set, the buttons need this browser to have proved the key (see DashboardLock).
  const key = env().API_KEY;
  const locked = key ? !hasDashboardSession(await headers(), key) : null;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen antialiased">
        <Providers>
          <div className="flex min-h-screen flex-col md:flex-row">
            <aside className="border-b bg-sidebar p-4 md:w-56 md:shrink-0 md:border-r md:border-b-0">
              <div className="mb-4 flex items-center justify-between">
                <span className="text-base font-semibold tracking-tight">PL Predictor</span>
                <ThemeToggle />
              </div>
              <NavLinks />
              {locked === null ? null : <DashboardLock locked={locked} />}
            </aside>
            <main className="flex-1 overflow-x-hidden p-4 md:p-8">{children}</main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
