import { describe, expect, it } from 'vitest';
import { parsePackJson } from '../../../../renderer/src/core/pack';
import { locateJsonPaths } from '../../../../renderer/src/core/pack/json-locate';
import { findJsonSyntaxError } from '../../../../renderer/src/core/pack/json-syntax';
import { readFixtureText } from '../formats/fixtures';

function syntax(text: string) {
  const result = parsePackJson(text);
  return result.ok ? null : result.issues.map((d) => `${d.line}:${d.column}: ${d.message}`);
}

describe('JSON syntax errors', () => {
  it('names the place and the problem, the same on every engine', () => {
    expect(syntax(readFixtureText('json/broken-syntax.json'))).toEqual([
      '7:40: invalid JSON: trailing comma before "}"',
    ]);
    expect(syntax('')).toEqual(['1:1: invalid JSON: the file is empty: expected a JSON value']);
    expect(syntax('{"a": }')).toEqual(['1:7: invalid JSON: unexpected "}": expected a value']);
    expect(syntax('{"a": 1')).toEqual(['1:8: invalid JSON: unexpected end of file: expected "," or "}"']);
    expect(syntax("{'a': 1}")).toEqual(['1:2: invalid JSON: strings must use double quotes (")']);
    expect(syntax('{a: 1}')).toEqual(['1:2: invalid JSON: property names must be in double quotes']);
    expect(syntax('{"a": "x\ny"}')).toEqual([
      '1:9: invalid JSON: a string cannot contain a line break: write it as \\n',
    ]);
    expect(syntax('{"a": "\\q"}')).toEqual(['1:8: invalid JSON: invalid escape "\\q" in a string']);
    expect(syntax('{"a": [1, 2}')).toEqual([
      '1:12: invalid JSON: unexpected "}": this array is closed with "]"',
    ]);
    expect(syntax('{} x')).toEqual(['1:4: invalid JSON: unexpected text after the end of the JSON value']);
    expect(syntax('{\n  // note\n}')).toEqual(['2:3: invalid JSON: comments are not allowed in JSON']);
    expect(syntax('{"a": 01}')).toEqual(['1:8: invalid JSON: unexpected "1": expected "," or "}"']);
    expect(syntax('{"a": "open')).toEqual(['1:7: invalid JSON: this string is never closed with "']);
  });

  it('agrees with JSON.parse about what is valid', () => {
    for (const text of [
      '{}',
      '[]',
      '"x"',
      '1e5',
      '-0.5',
      'null',
      '{"a":[{"b":"\\u00e9\\n"}]}',
      ' \n{ "a" : 1 } \n',
    ]) {
      expect(findJsonSyntaxError(text)).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });
});

describe('JSON schema and reference problems', () => {
  it('carry both the JSON path and the line:column of the offending value', () => {
    const result = parsePackJson(readFixtureText('json/broken-schema.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.issues.map((d) => `${d.line}:${d.column}: ${JSON.stringify(d.path)}: ${d.message}`),
    ).toEqual([
      '4:9: ["id"]: must be 1–120 letters, digits, ".", "_" or "-", starting with a letter or digit',
      '8:3: ["colour"]: unknown property "colour"',
      '10:91: ["chapters",0,"sections",0,"body"]: raw HTML is not allowed in Markdown: "<b>"',
      '10:99: ["chapters",0,"sections",0,"body"]: raw HTML is not allowed in Markdown: "</b>"',
      '13:5: ["questions",0,"back"]: required property "back" is missing',
      '14:57: ["questions",1,"section"]: section "nowhere" does not exist in this pack',
      '15:18: ["questions",1,"choices"]: no choice is marked correct',
      '16:13: ["questions",2,"id"]: duplicate question id "q1"',
      '16:27: ["questions",2,"type"]: unknown question type "essay": expected one of flashcard, multiple-choice, true-false, typed, cloze, matching, ordering',
      '18:45: ["questions",3,"numeric","tolerance"]: Too small: expected number to be >=0',
    ]);
  });

  it('places a problem inside a string with escapes at the right character', () => {
    const pack = {
      format: 'lectern-pack',
      formatVersion: 1,
      id: 'p',
      title: 'P',
      language: 'en',
      version: '1',
      chapters: [
        { id: 'c', title: 'C', sections: [{ id: 's', title: 'S', body: 'a\n\u00e9 "q" <i>x</i>' }] },
      ],
      questions: [],
    };
    const text = JSON.stringify(pack).replace('é', '\\u00e9');
    const result = parsePackJson(text);
    expect(result.ok ? [] : result.issues.map((d) => [d.line, d.column])).toEqual([
      [1, text.indexOf('<i>') + 1],
      [1, text.indexOf('</i>') + 1],
    ]);
  });

  it('finds paths through arrays and objects and stops at the deepest existing part', () => {
    const text = '{"a": [10, {"b": {"c": true}}], "x": "\\"b\\""}';
    expect(
      locateJsonPaths(text, [['a', 1, 'b', 'c'], ['a', 1, 'b', 'missing'], ['a', 5], ['x'], []]),
    ).toEqual([
      { offset: 23, keyOffset: 18, matched: 4 },
      { offset: 17, keyOffset: 12, matched: 3 },
      { offset: 6, keyOffset: 1, matched: 1 },
      { offset: 37, keyOffset: 32, matched: 1 },
      { offset: 0, matched: 0 },
    ]);
  });

  it('reads the bundled fixture with all seven types', () => {
    const result = parsePackJson(readFixtureText('json/all-types.json'));
    expect(result.ok && result.pack.questions.map((q) => q.type)).toEqual([
      'flashcard',
      'multiple-choice',
      'multiple-choice',
      'multiple-choice',
      'true-false',
      'typed',
      'typed',
      'cloze',
      'cloze',
      'matching',
      'ordering',
    ]);
  });
});
