/**
 * Imported first by each entry point (the CLI, the preview child process, the policy pack's
 * preload), before anything loads zod: see deferZodLocales.
 */
import { deferZodLocales } from "./lazy-module";

deferZodLocales();
