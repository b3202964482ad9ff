// @ts-nocheck
// Runs the aitracks CLI in this process and reports wall time and peak memory on stderr as JSON:
//   node bench/lib/measure.cjs preview --stack buy-aws
const start = process.hrtime.bigint();
const { main } = require("../../packages/cli/dist/main.js");
main(["node", "aitracks", ...process.argv.slice(2)]).then((code) => {
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stderr.write(`\n@@measure ${JSON.stringify({ code, wallMs, maxRssMb })}\n`);
  process.exitCode = code;
});
