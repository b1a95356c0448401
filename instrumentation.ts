/** Next calls register() once as the server starts: validate the environment then, not on first use; start the inline mail worker. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { validateAtStartup } = await import('@/server/startup/validate');
  await validateAtStartup(process.env);
  const { startInlineMailWorker } = await import('@/server/startup/mail-worker');
  await startInlineMailWorker();
}
