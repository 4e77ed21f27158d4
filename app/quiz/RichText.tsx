import { Fragment } from 'react';
import { Tex } from '../components/Tex';
import { splitInline } from './inline';

/** Quiz and glossary text with its inline markup: `$…$` TeX (KaTeX), `**bold**` and `` `code` ``. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitInline(text).map((piece, index) => {
        const key = `${index}-${piece.kind}`;
        switch (piece.kind) {
          case 'tex':
            return <Tex key={key}>{piece.tex}</Tex>;
          case 'strong':
            return <strong key={key}>{piece.text}</strong>;
          case 'code':
            return <code key={key}>{piece.text}</code>;
          default:
            return <Fragment key={key}>{piece.text}</Fragment>;
        }
      })}
    </>
  );
}
