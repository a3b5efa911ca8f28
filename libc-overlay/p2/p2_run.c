/*
 * p2_run.c - the command's entry point for wasm32-wasip2-vfs: the export
 * wasi:cli/run@0.2.0#run, which a WASI 0.2 host calls to run the program
 * (the preview1 adapter exports it on the other component triples). It
 * runs wasi-libc's _start (constructors, main, destructors): a main that
 * returns 0 makes run return ok (0); any other status, and exit() with
 * one, ends in proc_exit (p2_cli.c), which reports failure through
 * wasi:cli/exit. The driver's config links it (-u __wasi_p2_run); the
 * component gets its type from the world the componentize step embeds
 * (targets/wasip2/componentize-run.mjs).
 */
void _start(void);

__attribute__((__export_name__("wasi:cli/run@0.2.0#run"))) int __wasi_p2_run(void)
{
    _start();
    return 0;
}
