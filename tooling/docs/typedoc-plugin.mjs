// Adds the generated facts (function-facts.mjs) to the doc comments TypeDoc has read, and
// names each module after the package entry point it documents.
import { resolve } from 'node:path';
import { hostNamespace } from '@sciport/array-api';
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';
import { ENTRY_POINTS } from './entry-points.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const text = (t) => ({ kind: 'text', text: t });

/** `x: X, options?: FFTOptions`: the parameters of the first call signature, from TypeScript. */
function parametersOf(context, reflection) {
  const symbol = context.getSymbolFromReflection(reflection);
  if (symbol === undefined) return undefined;
  const checker = context.checker;
  const [signature] = checker.getTypeOfSymbol(symbol).getCallSignatures();
  if (signature === undefined) return undefined;
  return signature.parameters
    .map((p) => {
      const declaration = p.valueDeclaration;
      const optional = declaration?.questionToken !== undefined || declaration?.initializer !== undefined;
      const rest = declaration?.dotDotDotToken !== undefined ? '...' : '';
      return `\`${rest}${p.name}${optional ? '?' : ''}: ${checker.typeToString(checker.getTypeOfSymbol(p))}\``;
    })
    .join(', ');
}

function factsMarkdown(fact, parameters) {
  const parts = [`**SciPy:** \`${fact.scipyName}\` — ${fact.summary}`];
  if (parameters) parts.push(`**Parameters:** ${parameters}`);
  if (fact.options.length > 0) parts.push(`**Options** (SciPy's keyword arguments, in camelCase): ${fact.options.map((o) => `\`${o}\``).join(', ')}; \`backend\` forces a backend for this call.`);
  parts.push(`**Dtypes** (each input dtype, and what the result is; run on the host):\n\n${fact.dtypeRules}`);
  if (fact.backends) parts.push(`**Backends** that run it, and for which input dtypes (from the capability table):\n\n${fact.backends}`);
  return parts.join('\n\n');
}

const snakeCase = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const hasComment = (r) => (r.comment?.summary.length ?? 0) > 0 || (r.signatures ?? []).some((s) => (s.comment?.summary.length ?? 0) > 0);

/**
 * The host namespace's functions without a doc comment of their own are the Array API
 * standard's: say so, with the standard's name.
 */
function describeArrayApiFunction(reflection) {
  if (hasComment(reflection) || !Object.hasOwn(hostNamespace, reflection.name)) return;
  const target = reflection.signatures?.[0] ?? reflection;
  target.comment = new Comment([text(`The Array API standard's \`${snakeCase(reflection.name)}\`, on host arrays (also \`hostNamespace.${reflection.name}\`).`)]);
}

/** `facts`: collectFunctionFacts()'s map, package name → function name → facts. */
export function installFunctionFacts(app, facts) {
  const packageOf = new Map(Object.entries(ENTRY_POINTS).map(([name, file]) => [resolve(ROOT, file), name]));
  const injected = new Set();
  // TypeScript's view of the signatures is only there while a file is converted.
  const names = new Set([...facts.values()].flatMap((byName) => [...byName.keys()]));
  const parameters = new Map();
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (names.has(reflection.name)) parameters.set(reflection, parametersOf(context, reflection));
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.children ?? []) {
      const file = context.getSymbolFromReflection(module)?.declarations?.[0]?.getSourceFile().fileName;
      const packageName = packageOf.get(resolve(file ?? ''));
      if (packageName === undefined) continue;
      module.name = packageName;
      if (packageName === '@sciport/array-api') for (const reflection of module.children ?? []) describeArrayApiFunction(reflection);
      const byName = facts.get(packageName);
      if (byName === undefined) continue;
      for (const reflection of module.children ?? []) {
        const fact = byName.get(reflection.name);
        if (fact === undefined) continue;
        const target = reflection.signatures?.[0] ?? reflection;
        const comment = target.comment ?? new Comment();
        comment.summary = [...comment.summary, ...(comment.summary.length > 0 ? [text('\n\n')] : []), text(factsMarkdown(fact, parameters.get(reflection)))];
        comment.blockTags.push(new CommentTag('@example', [{ kind: 'code', text: fact.example }]));
        target.comment = comment;
        injected.add(`${packageName}.${reflection.name}`);
      }
    }
  });
  return injected;
}

/**
 * `module.name` of every exported function or variable of the given entry points without a
 * doc comment.
 */
export function undocumented(project, entryPoints) {
  return (project.children ?? []).filter((module) => entryPoints.includes(module.name)).flatMap((module) =>
    (module.children ?? [])
      .filter((r) => r.kindOf(ReflectionKind.Function | ReflectionKind.Variable) && !hasComment(r))
      .map((r) => `${module.name}.${r.name}`),
  );
}
