// A Chinese (Simplified) language pack for the code-server of test/vscode/run.sh, built from the npm
// registry on a fresh machine (the VS Code marketplace pack is not on npm).
//
// @codingame/monaco-vscode-language-pack-zh-hans holds Microsoft's zh-hans translations as the
// Monaco build uses them: one array indexed by that build's message number, not VS Code's
// `{ contents: { module: { key: text } } }` form; @codingame/monaco-vscode-api of the same version
// holds the English message of each number (`localize(N, "English")` in its code). English → Chinese
// pairs from the two, applied to code-server's own messages (out/nls.keys.json and
// out/nls.messages.json), give the pack's main.i18n.json; the built-in extensions' translations
// are in VS Code's form already. The pack is VS Code 1.108's, code-server's may be newer: a message
// whose English changed since stays English (reported as the share translated).
//
// Usage: node languagePack.cjs <code-server's lib/vscode> <pack package dir> <api package dir> <out dir>
//        node languagePack.cjs --register <extensions dir> <user data dir>
// The second form writes the user data's languagepacks.json, which code-server reads when it starts
// with --locale: `--install-extension` from the command line installs a pack without writing it
// (the running server writes it only later), so a fresh profile would start in English.
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } = require('node:fs');
const { join } = require('node:path');

/** Each `localize(N, '…')` / `localize2(N, "…")` of a file: number → the message literal's value. */
function englishByNumber(dir, out = new Map()) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) englishByNumber(p, out);
    else if (e.name.endsWith('.js')) {
      const src = readFileSync(p, 'utf8');
      const call = /\blocalize2?\(\s*(\d+)\s*,\s*/g;
      for (let m; (m = call.exec(src)); ) {
        const text = literalAt(src, call.lastIndex);
        if (text !== null && !out.has(Number(m[1]))) out.set(Number(m[1]), text);
      }
    }
  }
  return out;
}

/** The value of the JavaScript string literal starting at `i` ('…', "…" or `…` without ${}), or null. */
function literalAt(src, i) {
  const q = src[i];
  if (q !== '"' && q !== "'" && q !== '`') return null;
  let s = '';
  for (let j = i + 1; j < src.length; j++) {
    const c = src[j];
    if (c === q) return s;
    if (q === '`' && c === '$' && src[j + 1] === '{') return null;
    if (c !== '\\') {
      s += c;
      continue;
    }
    const n = src[++j];
    const simple = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };
    if (n in simple) s += simple[n];
    else if (n === 'u' && src[j + 1] === '{') {
      const end = src.indexOf('}', j);
      s += String.fromCodePoint(parseInt(src.slice(j + 2, end), 16));
      j = end;
    } else if (n === 'u') {
      s += String.fromCharCode(parseInt(src.slice(j + 1, j + 5), 16));
      j += 4;
    } else if (n === 'x') {
      s += String.fromCharCode(parseInt(src.slice(j + 1, j + 3), 16));
      j += 2;
    } else if (n === '\n') continue;
    else s += n;
  }
  return null;
}

/** The pack's array of Chinese messages (translations/main.i18n.json.js: `var content = [ … ]; export default content`). */
function chineseByNumber(packDir) {
  const src = readFileSync(join(packDir, 'translations', 'main.i18n.json.js'), 'utf8');
  const body = src.slice(src.indexOf('['), src.lastIndexOf(']') + 1);
  return Function(`"use strict"; return ${body};`)();
}

function main([vscodeDir, packDir, apiDir, outDir]) {
  const english = englishByNumber(join(apiDir, 'vscode'));
  const chinese = chineseByNumber(packDir);
  const zhOf = new Map();
  for (const [n, en] of english) if (typeof chinese[n] === 'string' && !zhOf.has(en)) zhOf.set(en, chinese[n]);

  const keys = JSON.parse(readFileSync(join(vscodeDir, 'out', 'nls.keys.json'), 'utf8'));
  const messages = JSON.parse(readFileSync(join(vscodeDir, 'out', 'nls.messages.json'), 'utf8'));
  const contents = {};
  let i = 0;
  let found = 0;
  for (const [module, names] of keys) {
    for (const key of names) {
      const zh = zhOf.get(messages[i++]);
      if (zh === undefined) continue;
      (contents[module] ??= {})[key] = zh;
      found++;
    }
  }

  const manifest = JSON.parse(/const manifest = (\{.*?\});\n/s.exec(readFileSync(join(packDir, 'index.js'), 'utf8'))[1]);
  const localization = manifest.contributes.localizations[0];
  mkdirSync(join(outDir, 'translations', 'extensions'), { recursive: true });
  writeFileSync(join(outDir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents }));
  const translations = [{ id: 'vscode', path: './translations/main.i18n.json' }];
  for (const t of localization.translations) {
    if (t.id === 'vscode') continue;
    const file = t.path.replace(/^\.\//, '');
    try {
      copyFileSync(join(packDir, file), join(outDir, file));
      translations.push(t);
    } catch {
      // a built-in extension the npm package carries no file for: it stays English
    }
  }
  writeFileSync(
    join(outDir, 'package.json'),
    JSON.stringify(
      {
        name: manifest.name,
        displayName: manifest.displayName,
        description: `${manifest.description} (rebuilt from @codingame/monaco-vscode-language-pack-zh-hans for the EcoPlan walkthrough)`,
        version: manifest.version,
        publisher: manifest.publisher,
        license: 'MIT',
        repository: manifest.repository,
        engines: { vscode: '*' },
        categories: ['Language Packs'],
        contributes: { localizations: [{ languageId: localization.languageId, languageName: localization.languageName, localizedLanguageName: localization.localizedLanguageName, translations }] },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(outDir, 'LICENSE.md'), 'MIT (translations by Microsoft, vscode-loc; packaged by CodinGame, monaco-vscode-api)\n');
  console.log(`language pack ${manifest.version}: ${found}/${messages.length} workbench messages in Chinese (${Math.round((100 * found) / messages.length)}%), ${translations.length - 1} built-in extensions`);
}

/** languagepacks.json as VS Code's LanguagePacksCache writes it, for each installed pack. */
function register(extensionsDir, userDataDir) {
  const packs = {};
  for (const dir of readdirSync(extensionsDir)) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(extensionsDir, dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const l of manifest.contributes?.localizations ?? []) {
      const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
      const translations = Object.fromEntries(l.translations.map((t) => [t.id, join(extensionsDir, dir, t.path)]));
      const hash = createHash('md5').update(id).update(manifest.version).digest('hex');
      packs[l.languageId] = { hash, extensions: [{ extensionIdentifier: { id }, version: manifest.version }], translations, label: l.localizedLanguageName ?? l.languageName };
    }
  }
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  console.log(`language packs registered: ${Object.keys(packs).join(', ') || 'none'}`);
}

if (process.argv[2] === '--register') register(process.argv[3], process.argv[4]);
else main(process.argv.slice(2));
