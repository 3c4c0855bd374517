// A PowerShell parser for the tests: tree-sitter's PowerShell grammar as
// WebAssembly (tree-sitter-powershell's .wasm, loaded by web-tree-sitter),
// so it installs from npm on any machine with Node 20 and builds nothing.
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';

let ready: Promise<Parser> | undefined;

export function powershellParser(): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return ready;
}

export async function parsePowerShell(text: string): Promise<Tree> {
  const tree = (await powershellParser()).parse(text);
  if (!tree) throw new Error('the PowerShell parser returned no tree');
  return tree;
}

/** Every node of the tree, depth first. */
export function* nodes(root: Node): Generator<Node> {
  yield root;
  for (const child of root.children) if (child) yield* nodes(child);
}

/** The error and missing nodes, each as `line:column type "text"`, for a readable failure. */
export function syntaxErrors(tree: Tree): string[] {
  const out: string[] = [];
  for (const n of nodes(tree.rootNode)) {
    if (n.type === 'ERROR' || n.isMissing) out.push(`${n.startPosition.row + 1}:${n.startPosition.column + 1} ${n.isMissing ? 'missing ' : ''}${n.type} ${JSON.stringify(n.text.slice(0, 60))}`);
  }
  return out;
}

/**
 * A verbatim string read by PowerShell's own rule, not the grammar's: the
 * grammar knows only the ASCII quote, PowerShell also ends a verbatim
 * string on U+2018..U+201B, and two quote characters in a row stand for the
 * second. Returns the value and where the literal ends, or undefined when
 * `text` at `start` is not a closed verbatim string.
 */
export function readVerbatim(text: string, start = 0): { value: string; end: number } | undefined {
  const isQuote = (c: string | undefined): boolean => c === "'" || c === '\u2018' || c === '\u2019' || c === '\u201A' || c === '\u201B';
  if (!isQuote(text[start])) return undefined;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (isQuote(c)) {
      if (isQuote(text[i + 1])) {
        value += text[i + 1];
        i++;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
  }
  return undefined;
}
