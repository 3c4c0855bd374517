// Values reach a script only as single-quoted literals: every character
// PowerShell reads as a single quote is doubled, nothing else changes, and
// the literal reads back as exactly the value, both by PowerShell's rule
// (readVerbatim) and by the grammar's parse tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commentText, psArray, psLiteral } from '../../src/core/scripts/powershell-literal';
import { nodes, parsePowerShell, readVerbatim, syntaxErrors } from './powershell';

export const hostileValues = [
  "it's",
  "''",
  "'; Stop-Computer; '",
  '$(Stop-Computer)',
  '$env:USERPROFILE',
  '`whoami`',
  '`',
  'a`nb',
  '"double" "quotes"',
  'line one\nline two\r\nline three',
  '\u2018left\u2019 \u201Alow\u201B',
  '\u2019; Stop-Computer; \u2019',
  "mixed '\u2019\u2018\u201A\u201B' end",
  '@\'\nhere-string\n\'@',
  '# not a comment',
  '<# not a block comment #>',
  '',
  'ё and € and ™',
];

test('a literal reads back as its value by PowerShell\'s quoting rule, and ends where it ends', () => {
  for (const value of hostileValues) {
    const literal = psLiteral(value);
    const read = readVerbatim(literal);
    assert.ok(read, `not a closed verbatim string: ${literal}`);
    assert.equal(read.value, value);
    assert.equal(read.end, literal.length, `the literal of ${JSON.stringify(value)} ends early`);
  }
});

test('every single-quote character is doubled, and nothing else is touched', () => {
  assert.equal(psLiteral("a'b"), "'a''b'");
  assert.equal(psLiteral('a\u2018b\u2019c\u201Ad\u201Be'), "'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'");
  assert.equal(psLiteral('$(x) `y` "z"'), "'$(x) `y` \"z\"'");
  assert.equal(psArray(['a', "b'c"]), "@('a', 'b''c')");
});

test('in the parse tree, each literal is one verbatim string covering exactly it, with no variable or subexpression', async () => {
  for (const value of hostileValues) {
    const literal = psLiteral(value);
    const tree = await parsePowerShell(`$value = ${literal}\n`);
    assert.deepEqual(syntaxErrors(tree), [], literal);
    const strings = [...nodes(tree.rootNode)].filter((n) => n.type === 'verbatim_string_characters');
    assert.equal(strings.length, 1, `${literal}: ${tree.rootNode.toString()}`);
    assert.equal(strings[0].text, literal);
    assert.equal([...nodes(tree.rootNode)].filter((n) => n.type === 'variable').map((n) => n.text).join(), '$value');
    assert.equal([...nodes(tree.rootNode)].some((n) => n.type === 'sub_expression' || n.type === 'expandable_string_literal'), false);
  }
});

test('comment text cannot end its line', () => {
  assert.equal(commentText('a\nb\r\u2028c\u0085d'), 'a\\u000ab\\u000d\\u2028c\\u0085d');
  assert.equal(commentText('plain $(x) text'), 'plain $(x) text');
});
