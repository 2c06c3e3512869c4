// Tests must not pick up a developer's DATABASE_URL or their PGlite folder by accident.
delete process.env.DATABASE_URL;
process.env.BOOTSTRAP = "off";
process.env.SCHEDULES = "off";
