// Tests must not pick up a developer's DATABASE_URL or their PGlite folder by accident.
delete process.env.DATABASE_URL;
process.env.BOOTSTRAP = "off";
process.env.SCHEDULES = "off";
// Nor the network: tests that read a live source pass their own local server's address.
process.env.DATA_SOURCE = "bundled";
