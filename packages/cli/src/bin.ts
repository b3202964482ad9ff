#!/usr/bin/env node
// First, before anything loads zod.
import "@aitracks/core/defer-zod-locales";
import { main } from "./main";
import { EXIT, reportInternal } from "./run";

// A reader that closes the pipe early (`aitracks preview --json | head -c 10`) chose to stop
// reading: end quietly, exit 0.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(EXIT.ok);
  throw err;
});

// Anything else that escapes is a bug of ours: one line, exit 70 (not 1, "a policy failed").
process.on("uncaughtException", (err) => {
  process.exit(reportInternal(err));
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = reportInternal(err);
  },
);
