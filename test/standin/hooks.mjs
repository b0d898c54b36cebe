// Module resolve hook: the specifier `electron` resolves to the stand-in (ESM hooks see ESM imports only).
const target = new URL('./electron.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: target, shortCircuit: true };
  return next(specifier, context);
}
