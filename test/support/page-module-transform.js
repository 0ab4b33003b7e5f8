// The pages are browser ES modules served as they are; for unit tests under jest (CommonJS)
// their imports and exports are rewritten by TypeScript's transpiler, nothing else changes.
const ts = require('typescript');

module.exports = {
  process(source, fileName) {
    const { outputText } = ts.transpileModule(source, {
      fileName,
      compilerOptions: {
        allowJs: true,
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
      },
    });
    return { code: outputText };
  },
};
