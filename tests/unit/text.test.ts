import { describe, expect, it } from 'vitest';
import { ngramBaselines } from '../../engine/text/baselines.ts';
import { MIN_TEXT_CHARACTERS, prepareText, splitPoint, textProblems } from '../../engine/text/corpus.ts';
import { buildVocabulary, decode, encode, isVocabulary, OTHER_SYMBOL } from '../../engine/text/vocabulary.ts';

describe('the vocabulary of a text', () => {
  it('keeps every distinct character in code-point order when under the cap', () => {
    const { vocabulary, report } = buildVocabulary('banana bread');
    expect(vocabulary.symbols).toEqual([' ', 'a', 'b', 'd', 'e', 'n', 'r']);
    expect(vocabulary.otherIndex).toBe(-1);
    expect(report).toEqual({ distinct: 7, length: 12, replaced: 0, replacedSymbols: [] });
  });

  it('counts a character outside the Basic Multilingual Plane as one symbol', () => {
    const { vocabulary, report } = buildVocabulary('a😀a😀b');
    expect(vocabulary.symbols).toEqual(['a', 'b', '😀']);
    expect(report.length).toBe(5);
    expect(decode(vocabulary, encode(vocabulary, 'a😀b'))).toBe('a😀b');
  });

  it('maps the rarest characters to one "other" symbol and reports how many it touched', () => {
    // a ×5, b ×4, c ×3, d ×2, e ×1: a cap of 3 keeps a and b and replaces c, d, e (6 characters).
    const { vocabulary, report } = buildVocabulary('aaaaabbbbcccdde', 3);
    expect(vocabulary.symbols).toEqual(['a', 'b', OTHER_SYMBOL]);
    expect(vocabulary.otherIndex).toBe(2);
    expect(report.replaced).toBe(6);
    expect(report.replacedSymbols).toEqual(['c', 'd', 'e']);
    expect(Array.from(encode(vocabulary, 'abcz'))).toEqual([0, 1, 2, 2]);
  });

  it('breaks ties in frequency by code point, so a text always gives the same vocabulary', () => {
    expect(buildVocabulary('wzyxwzyx', 3).vocabulary.symbols).toEqual(['w', 'x', OTHER_SYMBOL]);
  });

  it('refuses a character it cannot encode when there is no "other" symbol', () => {
    const { vocabulary } = buildVocabulary('abc');
    expect(() => encode(vocabulary, 'abd')).toThrow(/"d" is not in the vocabulary/);
  });

  it('recognises well-formed vocabularies and rejects damaged ones', () => {
    expect(isVocabulary(buildVocabulary('hello world').vocabulary)).toBe(true);
    expect(isVocabulary({ symbols: ['a', 'a'], otherIndex: -1 })).toBe(false);
    expect(isVocabulary({ symbols: ['a', 'bc'], otherIndex: -1 })).toBe(false);
    expect(isVocabulary({ symbols: ['a', 'b'], otherIndex: 1 })).toBe(false);
    expect(isVocabulary(null)).toBe(false);
  });
});

describe('preparing a text', () => {
  it('names what is wrong with an unusable text', () => {
    expect(textProblems('')[0]!.message).toMatch(/empty/);
    expect(textProblems('   \n ')[0]!.message).toMatch(/empty/);
    expect(textProblems(`abc\u0000def`.repeat(100))[0]!.message).toMatch(/binary/);
    expect(textProblems('short text')[0]!.message).toMatch(`at least ${MIN_TEXT_CHARACTERS}`);
    expect(textProblems('x'.repeat(1_000_001))[0]!.message).toMatch(/longer than 1,000,000/);
    expect(textProblems('word '.repeat(100))).toEqual([]);
  });

  it('cuts the held-out part at the start of a word', () => {
    const text = 'one two three four five six seven eight nine ten';
    const { vocabulary } = buildVocabulary(text);
    const codes = encode(vocabulary, text);
    const split = splitPoint(codes, vocabulary, 0.5);
    expect(split).toBeGreaterThanOrEqual(Math.floor(text.length * 0.5));
    expect(text[split - 1]).toBe(' ');
    expect(text.slice(split)).toBe('six seven eight nine ten');
  });

  it('encodes the whole text and splits it once', () => {
    const text = 'the cat sat on the mat and the dog sat on the log. '.repeat(8);
    const prepared = prepareText(text, 0.1);
    expect(prepared.codes.length).toBe(text.length);
    expect(decode(prepared.vocabulary, prepared.codes)).toBe(text);
    expect(text[prepared.split - 1]).toBe(' ');
    expect(() => prepareText('tiny', 0.1)).toThrow(/at least/);
  });
});

describe('counting baselines', () => {
  it('equal the add-one smoothed unigram and bigram perplexities worked by hand', () => {
    // Training part [0,1,0,1]; score positions 4 and 5, both symbol 0, with V = 2.
    // Unigram: p(0) = (2+1)/(4+2) = 1/2 at both positions: perplexity 2.
    // Bigram: p(0|1) = (1+1)/(1+2) = 2/3, p(0|0) = (0+1)/(2+2) = 1/4: perplexity sqrt(3/2 · 4) = sqrt 6.
    const codes = Int32Array.from([0, 1, 0, 1, 0, 0]);
    const result = ngramBaselines(codes, 4, 4, 6, 2);
    expect(result.count).toBe(2);
    expect(result.unigram.perplexity).toBeCloseTo(2, 12);
    expect(result.unigram.crossEntropy).toBeCloseTo(Math.log(2), 12);
    expect(result.bigram.perplexity).toBeCloseTo(Math.sqrt(6), 12);
  });

  it('score a repetitive text far better with the bigram than with the unigram', () => {
    const prepared = prepareText('abcdefgh '.repeat(60), 0.2);
    const { codes, split, vocabulary } = prepared;
    const result = ngramBaselines(codes, split, split + 1, codes.length, vocabulary.symbols.length);
    expect(result.bigram.perplexity).toBeLessThan(1.2);
    expect(result.unigram.perplexity).toBeGreaterThan(8);
  });

  it('refuse an empty or misplaced range', () => {
    const codes = Int32Array.from([0, 1, 0, 1]);
    expect(() => ngramBaselines(codes, 2, 3, 3, 2)).toThrow(RangeError);
    expect(() => ngramBaselines(codes, 2, 0, 3, 2)).toThrow(RangeError);
  });
});
