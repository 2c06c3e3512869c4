// The dashboard's pages; a page is listed here only once it exists.
export const navItems = [{ href: "/", label: "Overview" }] as const;
