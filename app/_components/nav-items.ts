// The dashboard's pages; a page is listed here only once it exists.
export const navItems = [
  { href: "/", label: "Overview" },
  { href: "/runs", label: "Runs" },
  { href: "/models", label: "Models" },
  { href: "/predictions", label: "Predictions" },
  { href: "/data", label: "Data" },
  { href: "/docs", label: "API docs" },
] as const;
